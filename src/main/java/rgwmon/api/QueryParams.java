package rgwmon.api;

import java.util.Locale;

/** Parses query parameters strictly: a bad value is a 400 that names the parameter. */
final class QueryParams {

    private QueryParams() {
    }

    static int intParam(String name, String value, int defaultValue, int min, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < min || parsed > max) {
                throw ApiException.badParameter(name, "must be between " + min + " and " + max + ", not " + parsed);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw ApiException.badParameter(name, "must be an integer between " + min + " and " + max);
        }
    }

    static <E extends Enum<E>> E enumParam(String name, String value, Class<E> type, E defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter(name, "must be one of " + values(type));
        }
    }

    static String text(String name, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > maxLength) {
            throw ApiException.badParameter(name, "longer than " + maxLength + " characters");
        }
        return value.trim();
    }

    static <E extends Enum<E>> String values(Class<E> type) {
        StringBuilder names = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            names.append(names.isEmpty() ? "" : ", ").append(constant.name().toLowerCase(Locale.ROOT));
        }
        return names.toString();
    }
}
