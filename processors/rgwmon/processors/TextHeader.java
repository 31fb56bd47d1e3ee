package rgwmon.processors;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The realm / zonegroup / zone lines that start "sync status" and "bucket sync status":
 * {@code setw(15)} labels, then "id (name)". The first of them decides whether the text is this
 * command's output at all. Leading spaces are not counted here: only the labels matter.
 */
record TextHeader(String realmId, String realmName, String zonegroupId, String zonegroupName,
                  String zoneId, String zoneName) {

    private static final String ID_AND_NAME = "(\\S*)(?: \\((.*)\\))?";
    private static final Pattern REALM = Pattern.compile(" *realm " + ID_AND_NAME);
    private static final Pattern ZONEGROUP = Pattern.compile(" *zonegroup " + ID_AND_NAME);
    private static final Pattern ZONE = Pattern.compile(" *zone " + ID_AND_NAME);

    /** Reads the three lines in order (blank lines skipped, stderr noise kept as warnings) or fails. */
    static TextHeader read(String command, LineCursor cursor, ParseWarnings warnings) throws RadosgwParseException {
        Matcher realm = cursor.expect(REALM, "realm header", true, command, warnings);
        Matcher zonegroup = cursor.expect(ZONEGROUP, "zonegroup header", false, command, warnings);
        Matcher zone = cursor.expect(ZONE, "zone header", false, command, warnings);
        return new TextHeader(realm.group(1), realm.group(2), zonegroup.group(1), zonegroup.group(2),
                zone.group(1), zone.group(2));
    }
}
