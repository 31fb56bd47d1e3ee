package rgwmon.demo;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The shape of a parsed record, without its values: record types and components, which values
 * are null, the types of the others (enum constants such as states and health verdicts by value),
 * and the shapes of list (and map) elements. Two outputs of the same command in the same situation
 * have the same shape whatever their ids, counts and times.
 */
final class Shape {

    /** The element shapes of a list or map (empty for an empty one). */
    record Elements(Set<Object> shapes) {
    }

    private Shape() {
    }

    static Object of(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Record record) {
            Map<String, Object> components = new TreeMap<>();
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                try {
                    components.put(record.getClass().getSimpleName() + "." + component.getName(),
                            of(component.getAccessor().invoke(record)));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return components;
        }
        if (value instanceof Collection<?> list) {
            return elements(list);
        }
        if (value instanceof Map<?, ?> map) {
            return elements(map.values());
        }
        if (value instanceof JsonNode node) {
            return ofJson(node);
        }
        if (value instanceof Enum<?> constant) {
            // states and health verdicts are part of the shape: the same situation reads the same
            return constant.getClass().getSimpleName() + "." + constant.name();
        }
        return value.getClass().getSimpleName();
    }

    private static Elements elements(Collection<?> values) {
        Set<Object> shapes = new LinkedHashSet<>();
        values.forEach(v -> shapes.add(of(v)));
        return new Elements(shapes);
    }

    private static Object ofJson(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> fields = new TreeMap<>();
            node.fields().forEachRemaining(e -> fields.put(e.getKey(), ofJson(e.getValue())));
            return fields;
        }
        if (node.isArray()) {
            Set<Object> shapes = new LinkedHashSet<>();
            node.forEach(e -> shapes.add(ofJson(e)));
            return new Elements(shapes);
        }
        return "json " + node.getNodeType();
    }

    /**
     * Where {@code actual} does not fit {@code expected}: components must match one to one; a
     * list's element shapes must each fit one of the expected list's (an empty list fits any list).
     */
    static List<String> differences(Object actual, Object expected) {
        List<String> out = new ArrayList<>();
        compare(actual, expected, "", out);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void compare(Object actual, Object expected, String path, List<String> out) {
        if (actual instanceof Map<?, ?> a && expected instanceof Map<?, ?> e) {
            Set<String> keys = new TreeSet<>();
            keys.addAll((Set<String>) a.keySet());
            keys.addAll((Set<String>) e.keySet());
            for (String key : keys) {
                compare(a.get(key), e.get(key), path + "/" + key, out);
            }
        } else if (actual instanceof Elements a && expected instanceof Elements e) {
            if (a.shapes().isEmpty()) {
                return;
            }
            if (e.shapes().isEmpty()) {
                out.add(path + ": the fixture's list is empty, the demo's is not");
                return;
            }
            for (Object element : a.shapes()) {
                boolean fits = e.shapes().stream().anyMatch(candidate -> differences(element, candidate).isEmpty());
                if (!fits) {
                    List<String> closest = differences(element, e.shapes().iterator().next());
                    out.add(path + "[]: no fixture element has this shape: " + closest);
                }
            }
        } else if (!java.util.Objects.equals(actual, expected)) {
            out.add(path + ": " + actual + " where the fixture has " + expected);
        }
    }
}
