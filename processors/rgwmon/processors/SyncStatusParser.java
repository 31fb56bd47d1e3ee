package rgwmon.processors;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import rgwmon.model.DataSyncSource;
import rgwmon.model.SyncStatus;

/**
 * Parses {@code radosgw-admin sync status} (text in every release, Nautilus → Tentacle).
 *
 * <p>Sections are split by indentation only — "  metadata sync " then 16-space lines for metadata,
 * "      data sync source: " or 16-space "source: " for each data source, 24-space lines for its
 * details — and every detail line is matched by content ({@link SyncBlockReader}). Header extras
 * (Reef "current time", Quincy "zonegroup features enabled:", Reef "disabled:") are read before the
 * metadata section. Lines nobody knows become warnings; stderr-like noise too.
 */
public class SyncStatusParser extends RadosgwParser<SyncStatus> {

    private static final Pattern CURRENT_TIME = Pattern.compile(" *current time (.*)");
    private static final Pattern FEATURES_ENABLED = Pattern.compile(" *zonegroup features enabled:(.*)");
    /** Reef+: supported features that are not enabled; recognised, not kept (no field in the record). */
    private static final Pattern FEATURES_DISABLED = Pattern.compile(" *disabled:(.*)");
    private static final Pattern METADATA_START = Pattern.compile(" {2}metadata sync (.*)");
    private static final Pattern METADATA_DETAIL = Pattern.compile(" {16}(\\S.*)");
    private static final Pattern FIRST_SOURCE = Pattern.compile(" {6}data sync source: (.*)");
    private static final Pattern NEXT_SOURCE = Pattern.compile(" {16}source: (.*)");
    private static final Pattern SOURCE_DETAIL = Pattern.compile(" {24}(\\S.*)");

    @Override
    public String command() {
        return "sync status";
    }

    @Override
    public SyncStatus parse(String stdout) throws RadosgwParseException {
        LineCursor cursor = new LineCursor(RadosgwText.lines(requireText(stdout)));
        ParseWarnings warnings = new ParseWarnings();
        TextHeader header = TextHeader.read(command(), cursor, warnings);

        Instant currentTime = null;
        List<String> features = List.of();
        SyncBlockReader metadata = null;
        List<DataSourceBlock> sources = new ArrayList<>();
        Matcher matcher;
        for (TextLine line = cursor.next(); line != null; line = cursor.next()) {
            String text = line.text();
            if (text.isBlank()) {
                continue;
            }
            if (RadosgwText.isStderrNoise(text)) {
                warnings.unrecognised(line);
            } else if (metadata == null) {
                // between the header and the metadata section
                if ((matcher = METADATA_START.matcher(text)).matches()) {
                    metadata = new SyncBlockReader(SyncBlockReader.Kind.METADATA);
                    readDetail(metadata, matcher.group(1), line, warnings);
                } else if (currentTime == null && (matcher = CURRENT_TIME.matcher(text)).matches()) {
                    currentTime = RadosgwText.currentTime(matcher.group(1));
                    if (currentTime == null) {
                        warnings.doubtful(line, "unreadable current time");
                    }
                } else if ((matcher = FEATURES_ENABLED.matcher(text)).matches()) {
                    features = featureList(matcher.group(1));
                } else if (!FEATURES_DISABLED.matcher(text).matches()) {
                    warnings.unrecognised(line);
                }
            } else if ((matcher = FIRST_SOURCE.matcher(text)).matches()
                    || (!sources.isEmpty() && (matcher = NEXT_SOURCE.matcher(text)).matches())) {
                RadosgwText.IdAndName source = RadosgwText.idAndName(matcher.group(1));
                if (source == null || source.id().isEmpty()) {
                    warnings.doubtful(line, "data sync source without a readable zone id");
                    source = new RadosgwText.IdAndName(matcher.group(1), null);
                }
                sources.add(new DataSourceBlock(source, new SyncBlockReader(SyncBlockReader.Kind.DATA)));
            } else if (!sources.isEmpty() && (matcher = SOURCE_DETAIL.matcher(text)).matches()) {
                readDetail(sources.get(sources.size() - 1).reader(), matcher.group(1), line, warnings);
            } else if (sources.isEmpty() && (matcher = METADATA_DETAIL.matcher(text)).matches()) {
                readDetail(metadata, matcher.group(1), line, warnings);
            } else {
                warnings.unrecognised(line);
            }
        }
        if (metadata == null) {
            TextLine last = cursor.lastNonBlank();
            throw new RadosgwParseException(command(), last.number(), last.text(), "no metadata sync section");
        }
        return new SyncStatus(header.realmId(), header.realmName(), header.zonegroupId(), header.zonegroupName(),
                header.zoneId(), header.zoneName(), currentTime, features, metadata.toMetadataSync(),
                sources.stream().map(DataSourceBlock::toDataSyncSource).toList(), warnings.toList());
    }

    private static void readDetail(SyncBlockReader block, String detail, TextLine line, ParseWarnings warnings) {
        if (!block.read(detail, line, warnings)) {
            warnings.unrecognised(line);
        }
    }

    /** "resharding" / "notification_v2,resharding" / "" (the line may end with a bare space). */
    private static List<String> featureList(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(feature -> !feature.isEmpty()).toList();
    }

    private record DataSourceBlock(RadosgwText.IdAndName zone, SyncBlockReader reader) {
        DataSyncSource toDataSyncSource() {
            return reader.toDataSyncSource(zone.id(), zone.name());
        }
    }
}
