package io.datamint.domain.model.dataset;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The license of a dataset as an SPDX identifier. Only licenses that make sense for data are
 * offered by name; anything else must be declared as a {@code LicenseRef-...}, as SPDX itself
 * prescribes for licenses outside its list.
 */
public record SpdxLicense(String id) {

  private static final Map<String, String> KNOWN = known();
  private static final Pattern LICENSE_REF = Pattern.compile("LicenseRef-[A-Za-z0-9.\\-]{1,64}");

  public SpdxLicense {
    Objects.requireNonNull(id, "license must not be null");
    id = id.trim();
    String canonical = KNOWN.get(id.toLowerCase(java.util.Locale.ROOT));
    if (canonical != null) {
      id = canonical;
    } else if (!LICENSE_REF.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "unknown license '" + id + "': use an SPDX id such as CC-BY-4.0, or LicenseRef-<name>");
    }
  }

  public static SpdxLicense of(String id) {
    return new SpdxLicense(id);
  }

  /** The SPDX ids offered by name, in their canonical spelling. */
  public static java.util.Collection<String> offered() {
    return java.util.Collections.unmodifiableCollection(KNOWN.values());
  }

  private static Map<String, String> known() {
    Map<String, String> m = new TreeMap<>();
    for (String id :
        new String[] {
          "CC0-1.0",
          "CC-BY-4.0",
          "CC-BY-SA-4.0",
          "CC-BY-NC-4.0",
          "CC-BY-NC-SA-4.0",
          "CC-BY-ND-4.0",
          "CC-BY-NC-ND-4.0",
          "CC-BY-3.0",
          "CC-BY-SA-3.0",
          "ODbL-1.0",
          "ODC-By-1.0",
          "PDDL-1.0",
          "CDLA-Permissive-1.0",
          "CDLA-Permissive-2.0",
          "CDLA-Sharing-1.0",
          "C-UDA-1.0",
          "OGL-UK-3.0",
          "etalab-2.0",
          "DL-DE-BY-2.0",
          "MIT",
          "Apache-2.0",
          "BSD-3-Clause",
          "Unlicense"
        }) {
      m.put(id.toLowerCase(java.util.Locale.ROOT), id);
    }
    return Map.copyOf(m);
  }

  @Override
  public String toString() {
    return id;
  }
}
