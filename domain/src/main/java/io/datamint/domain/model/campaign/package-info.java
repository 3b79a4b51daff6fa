/**
 * Labeling campaigns (flow 2): a contributor's offer to pay for labels on one approved dataset
 * version, its budget in the reward escrow on chain, and the task queue through which labelers
 * lease items and submit labels.
 *
 * <p>The {@link io.datamint.domain.model.campaign.Campaign} aggregate keeps the terms and the life
 * cycle (DRAFT, FUNDING, OPEN, PAUSED, CLOSED); {@link
 * io.datamint.domain.model.campaign.EscrowOperation} is the outbox of its chain work (open and
 * fund, refund on close, and the rewards' settlement roots and relayed claims); {@link
 * io.datamint.domain.model.campaign.TaskQueue} is the port of the assignment rules that must hold
 * under concurrency (k distinct labelers per item, never the same item twice to a labeler, leases
 * that expire), implemented on PostgreSQL row locks.
 *
 * <p>Validation of the labels (flow 3) happens in rounds: {@link
 * io.datamint.domain.model.campaign.RoundPlan} says what a round is built from and decides, {@link
 * io.datamint.domain.model.campaign.ValidationBatches} makes its job for the validation worker
 * pool, {@link io.datamint.domain.model.campaign.RoundVerdicts} reads the result into verdicts on
 * labels, items and labelers, and {@link io.datamint.domain.model.campaign.ValidationRounds} keeps
 * them (a decided label is final). A labeler's {@link
 * io.datamint.domain.model.campaign.LabelerStanding} records the qualification round ({@link
 * io.datamint.domain.model.campaign.QualificationRule}) and a block, by a failed qualification or
 * by {@link io.datamint.domain.model.campaign.BlockingPolicy}.
 */
package io.datamint.domain.model.campaign;
