package io.datamint.webapp.interfaces.rest.campaign;

import io.datamint.domain.application.CampaignService;
import io.datamint.domain.application.CampaignValidationService;
import io.datamint.domain.application.LabelingService;
import io.datamint.domain.application.LabelingService.Task;
import io.datamint.domain.model.account.Account;
import io.datamint.domain.model.account.Role;
import io.datamint.domain.model.campaign.Campaign;
import io.datamint.domain.model.campaign.CampaignId;
import io.datamint.domain.model.campaign.CampaignTerms;
import io.datamint.domain.model.campaign.GoldItem;
import io.datamint.domain.model.campaign.LabelMode;
import io.datamint.domain.model.campaign.LabelSchema;
import io.datamint.domain.model.campaign.LabelerId;
import io.datamint.domain.model.campaign.TaskContent;
import io.datamint.domain.model.chain.TokenAmount;
import io.datamint.domain.model.dataset.ContributorId;
import io.datamint.domain.model.dataset.DatasetId;
import io.datamint.domain.model.dataset.ItemId;
import io.datamint.webapp.security.CurrentAccount;
import io.datamint.webapp.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Campaigns: contributors create and steer them; labelers read them and lease tasks. */
@Path("campaigns")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CampaignResource {

  @Inject CampaignService campaigns;
  @Inject LabelingService labeling;
  @Inject CampaignValidationService validation;
  @Inject CurrentAccount currentAccount;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.CONTRIBUTOR)
  @Operation(
      summary =
          "Create a campaign (DRAFT) on an approved version of the caller's dataset: {dataset,"
              + " version, title, instructions, labelMode SINGLE|MULTI, labels[], labelsPerItem,"
              + " gold[{item, labels[]}], goldEvery, reward, budget, qualityThreshold, deadline"
              + " (ISO-8601), leaseSeconds, qualificationItems (Q gold answers before paid work;"
              + " default min(5, gold items))}")
  public Response create(JsonObject body) {
    if (body == null) {
      throw CampaignProblems.badRequest("a campaign needs a JSON body");
    }
    DatasetId dataset = new DatasetId(uuid(body, "dataset"));
    int version = integer(body, "version", 1);
    ContributorId owner = caller();
    Campaign created =
        CampaignProblems.translate(() -> campaigns.create(owner, dataset, version, terms(body)));
    return Response.created(URI.create("campaigns/" + created.id()))
        .entity(document(created.id()))
        .build();
  }

  /** The terms from the body; every problem is a 400 with what is wrong. */
  static CampaignTerms terms(JsonObject body) {
    return CampaignProblems.translate(
        () -> {
          LabelMode mode = LabelMode.valueOf(text(body, "labelMode", "SINGLE").toUpperCase());
          LabelSchema schema = new LabelSchema(mode, strings(body.get("labels"), "labels"));
          List<GoldItem> gold = new ArrayList<>();
          JsonValue goldValue = body.get("gold");
          if (goldValue instanceof JsonArray array) {
            for (JsonValue g : array) {
              if (!(g instanceof JsonObject o)) {
                throw new IllegalArgumentException("gold is a list of {item, labels}");
              }
              gold.add(
                  new GoldItem(
                      new ItemId(text(o, "item", null)), strings(o.get("labels"), "gold labels")));
            }
          }
          Instant deadline;
          try {
            deadline = Instant.parse(text(body, "deadline", null));
          } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                "deadline is an ISO-8601 instant, e.g. 2030-01-31T12:00:00Z");
          }
          return new CampaignTerms(
              text(body, "title", null),
              schema,
              text(body, "instructions", null),
              integer(body, "labelsPerItem", 3),
              gold,
              integer(body, "goldEvery", gold.isEmpty() ? 0 : 5),
              amount(body, "reward"),
              number(body, "qualityThreshold", 0.7),
              amount(body, "budget"),
              deadline,
              Duration.ofSeconds(
                  integer(body, "leaseSeconds", (int) CampaignTerms.DEFAULT_LEASE.getSeconds())),
              integer(body, "qualificationItems", CampaignTerms.defaultQualificationItems(gold)));
        });
  }

  @GET
  @RolesAllowed({Roles.CONTRIBUTOR, Roles.LABELER, Roles.ADMIN})
  @Operation(summary = "Campaigns open to labelers now, oldest first")
  public List<CampaignDocument> open() {
    return campaigns.open(100).stream().map(c -> document(c.id())).toList();
  }

  @GET
  @Path("mine")
  @RolesAllowed(Roles.CONTRIBUTOR)
  @Operation(summary = "The caller's campaigns, newest first")
  public List<CampaignDocument> mine() {
    return campaigns.ownedBy(caller()).stream().map(c -> document(c.id())).toList();
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Roles.CONTRIBUTOR, Roles.LABELER, Roles.ADMIN})
  @Operation(
      summary =
          "A campaign: terms, state, the deposit on chain (funding), the refund, and counts of"
              + " items, slots, labels and live leases")
  public CampaignDocument get(@PathParam("id") String id) {
    return document(campaignId(id));
  }

  @POST
  @Path("{id}/fund")
  @RolesAllowed(Roles.CONTRIBUTOR)
  @Operation(
      summary =
          "Deposit the budget into the reward escrow from the owner's custodial wallet; the"
              + " campaign is FUNDING until the deposit is confirmed on chain, then OPEN")
  public CampaignDocument fund(@PathParam("id") String id) {
    CampaignId campaign = campaignId(id);
    CampaignProblems.translate(() -> campaigns.fund(campaign, caller()));
    return document(campaign);
  }

  @POST
  @Path("{id}/funding/retry")
  @RolesAllowed({Roles.CONTRIBUTOR, Roles.ADMIN})
  @Operation(summary = "Queue a failed deposit again (e.g. after topping the wallet up)")
  public CampaignDocument retryFunding(@PathParam("id") String id) {
    CampaignId campaign = campaignId(id);
    CampaignProblems.translate(() -> campaigns.retryFunding(campaign, caller(), isAdmin()));
    return document(campaign);
  }

  @POST
  @Path("{id}/pause")
  @RolesAllowed({Roles.CONTRIBUTOR, Roles.ADMIN})
  @Operation(summary = "No new tasks until resumed; leases already given may still be labeled")
  public CampaignDocument pause(@PathParam("id") String id) {
    CampaignId campaign = campaignId(id);
    CampaignProblems.translate(() -> campaigns.pause(campaign, caller(), isAdmin()));
    return document(campaign);
  }

  @POST
  @Path("{id}/resume")
  @RolesAllowed({Roles.CONTRIBUTOR, Roles.ADMIN})
  @Operation(summary = "Hand out tasks again")
  public CampaignDocument resume(@PathParam("id") String id) {
    CampaignId campaign = campaignId(id);
    CampaignProblems.translate(() -> campaigns.resume(campaign, caller(), isAdmin()));
    return document(campaign);
  }

  @POST
  @Path("{id}/close")
  @RolesAllowed({Roles.CONTRIBUTOR, Roles.ADMIN})
  @Operation(
      summary =
          "Close for good (optional body {\"note\": \"...\"}); the unspent budget is refunded on"
              + " chain after the deadline, once the labels given are settled")
  public CampaignDocument close(@PathParam("id") String id, String body) {
    CampaignId campaign = campaignId(id);
    String note = null;
    if (body != null && !body.isBlank()) {
      try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(body))) {
        JsonValue value = reader.readObject().get("note");
        note = value instanceof JsonString s ? s.getString() : null;
      } catch (RuntimeException e) {
        throw CampaignProblems.badRequest("the body is {\"note\": \"...\"} or nothing");
      }
    }
    String why = note;
    CampaignProblems.translate(() -> campaigns.close(campaign, caller(), isAdmin(), why));
    return document(campaign);
  }

  @GET
  @Path("{id}/tasks/next")
  @RolesAllowed({Roles.LABELER, Roles.CONTRIBUTOR})
  @Operation(
      summary =
          "The caller's next task: the one they hold, or a new lease; 204 when nothing is left"
              + " for them. Submit with POST /api/tasks/{leaseId}/label before it expires")
  public Response next(@PathParam("id") String id) {
    CampaignId campaign = campaignId(id);
    LabelerId labeler = labeler();
    Optional<Task> task = CampaignProblems.translate(() -> labeling.next(campaign, labeler));
    if (task.isEmpty()) {
      return Response.noContent().build();
    }
    TaskContent content =
        CampaignProblems.translate(() -> labeling.content(task.get().lease().id(), labeler));
    return Response.ok(TaskDocument.of(task.get(), content)).build();
  }

  // --- helpers ---

  private CampaignDocument document(CampaignId id) {
    return CampaignDocument.of(
        CampaignProblems.translate(() -> campaigns.view(id, caller(), isAdmin())),
        validation.counts(id));
  }

  private ContributorId caller() {
    return new ContributorId(currentAccount.get().subject());
  }

  private LabelerId labeler() {
    return new LabelerId(currentAccount.get().subject());
  }

  private boolean isAdmin() {
    Account account = currentAccount.get();
    return account.roles().contains(Role.ADMIN);
  }

  static CampaignId campaignId(String id) {
    try {
      return CampaignId.parse(id);
    } catch (IllegalArgumentException e) {
      throw new io.datamint.webapp.interfaces.rest.ApiProblem(
          Response.Status.NOT_FOUND, "no campaign " + id);
    }
  }

  private static UUID uuid(JsonObject body, String name) {
    try {
      return UUID.fromString(text(body, name, null));
    } catch (IllegalArgumentException e) {
      throw CampaignProblems.badRequest(name + " must be an id (UUID)");
    }
  }

  private static String text(JsonObject body, String name, String fallback) {
    JsonValue value = body.get(name);
    if (value == null || value == JsonValue.NULL) {
      if (fallback == null) {
        throw CampaignProblems.badRequest(name + " is required");
      }
      return fallback;
    }
    if (value instanceof JsonString s) {
      return s.getString();
    }
    if (value instanceof JsonNumber n) {
      return n.toString();
    }
    throw CampaignProblems.badRequest(name + " must be a string");
  }

  private static int integer(JsonObject body, String name, int fallback) {
    JsonValue value = body.get(name);
    if (value == null || value == JsonValue.NULL) {
      return fallback;
    }
    if (value instanceof JsonNumber n && n.isIntegral()) {
      try {
        return n.intValueExact();
      } catch (ArithmeticException e) {
        throw CampaignProblems.badRequest(name + " is too large");
      }
    }
    throw CampaignProblems.badRequest(name + " must be a whole number");
  }

  private static double number(JsonObject body, String name, double fallback) {
    JsonValue value = body.get(name);
    if (value == null || value == JsonValue.NULL) {
      return fallback;
    }
    if (value instanceof JsonNumber n) {
      return n.doubleValue();
    }
    throw CampaignProblems.badRequest(name + " must be a number");
  }

  /** A token amount as a decimal string (or number) of whole tokens, e.g. "0.5". */
  private static TokenAmount amount(JsonObject body, String name) {
    String text = text(body, name, null);
    try {
      return TokenAmount.ofTokens(text);
    } catch (NumberFormatException e) {
      throw CampaignProblems.badRequest(name + " must be a token amount such as \"1.5\"");
    }
  }

  static List<String> strings(JsonValue value, String name) {
    if (!(value instanceof JsonArray array)) {
      throw CampaignProblems.badRequest(name + " must be a list of strings");
    }
    List<String> strings = new ArrayList<>();
    for (JsonValue v : array) {
      if (!(v instanceof JsonString s)) {
        throw CampaignProblems.badRequest(name + " must be a list of strings");
      }
      strings.add(s.getString());
    }
    return strings;
  }
}
