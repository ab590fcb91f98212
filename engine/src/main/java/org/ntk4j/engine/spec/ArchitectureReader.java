package org.ntk4j.engine.spec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ntk4j.api.Activation;
import org.ntk4j.api.BuildContext;
import org.ntk4j.api.Layer;
import org.ntk4j.api.LayerType;
import org.ntk4j.api.ParamSpec;
import org.ntk4j.api.Parameterization;
import org.ntk4j.api.SpecException;

/**
 * Reads an architecture document (see the architecture spec) into layers, validating every name,
 * type and range against the layer types' {@link ParamSpec}s. Errors name the source and the JSON
 * path ({@code relu.json, layers[2].wStd}), what was expected and what was found, and for unknown
 * names the closest known one.
 */
public final class ArchitectureReader {

    private static final List<String> TOP_LEVEL = List.of("name", "parameterization", "layers");
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final LayerCatalog catalog;
    private final java.util.function.Function<Parameterization, BuildContext> contexts;

    public ArchitectureReader(LayerCatalog catalog,
                              java.util.function.Function<Parameterization, BuildContext> contexts) {
        this.catalog = catalog;
        this.contexts = contexts;
    }

    /** What a document declares. */
    public record Document(String name, Parameterization parameterization, List<Layer> layers) {
    }

    /** Parses and validates {@code json}; {@code source} (a file name) prefixes error places. */
    public Document read(String json, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw new SpecException(source, "malformed JSON" + where + ": " + withoutSourceNoise(e.getOriginalMessage()));
        }
        try {
            return readRoot(root);
        } catch (SpecException e) {
            throw new SpecException(source + ", " + e.place(), stripPlace(e));
        }
    }

    /** Jackson appends "(start marker at [Source: REDACTED ...; line: 1, column: 12])": say it plainly. */
    private static String withoutSourceNoise(String m) {
        return m.replaceAll("\\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)\\]", "line $1, column $2");
    }

    private static String stripPlace(SpecException e) {
        String m = e.getMessage();
        String prefix = e.place() + ": ";
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }

    private Document readRoot(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new SpecException("(document)", "expected a JSON object with \"layers\", found " + describe(root));
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!TOP_LEVEL.contains(key)) {
                throw new SpecException(key, "unknown key \"" + key + "\"" + NameSuggester.hint(key, TOP_LEVEL)
                        + "; a document has " + String.join(", ", TOP_LEVEL));
            }
        }
        String name = "";
        if (root.has("name")) {
            if (!root.get("name").isTextual()) {
                throw new SpecException("name", "expected a string, found " + describe(root.get("name")));
            }
            name = root.get("name").asText();
        }
        Parameterization param = Parameterization.NTK;
        if (root.has("parameterization")) {
            JsonNode p = root.get("parameterization");
            if (p.isTextual() && p.asText().equals("ntk")) {
                param = Parameterization.NTK;
            } else if (p.isTextual() && p.asText().equals("standard")) {
                param = Parameterization.STANDARD;
            } else {
                throw new SpecException("parameterization", "expected \"ntk\" or \"standard\", found " + describe(p));
            }
        }
        if (!root.has("layers")) {
            throw new SpecException("layers", "missing: a document needs a \"layers\" array");
        }
        BuildContext ctx = contexts.apply(param);
        List<Layer> layers = readLayers(root.get("layers"), "layers", ctx);
        if (layers.isEmpty()) {
            throw new SpecException("layers", "expected at least one layer, found an empty array");
        }
        return new Document(name, param, layers);
    }

    private List<Layer> readLayers(JsonNode node, String path, BuildContext ctx) {
        if (!node.isArray()) {
            throw new SpecException(path, "expected an array of layer objects, found " + describe(node));
        }
        List<Layer> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            out.add(readLayer(node.get(i), path + "[" + i + "]", ctx));
        }
        return List.copyOf(out);
    }

    private Layer readLayer(JsonNode node, String path, BuildContext ctx) {
        if (!node.isObject()) {
            throw new SpecException(path, "expected a layer object like {\"type\": \"dense\"}, found " + describe(node));
        }
        JsonNode typeNode = node.get("type");
        if (typeNode == null) {
            throw new SpecException(path, "missing \"type\"");
        }
        if (!typeNode.isTextual()) {
            throw new SpecException(path + ".type", "expected a string, found " + describe(typeNode));
        }
        String type = typeNode.asText();
        LayerType lt = catalog.layerType(type);
        if (lt == null) {
            throw new SpecException(path + ".type", "unknown layer type \"" + type + "\""
                    + NameSuggester.hint(type, catalog.layerNames()) + "; `ntk4j layers` lists them all");
        }
        Map<String, ParamSpec> specs = new LinkedHashMap<>();
        for (ParamSpec p : lt.params()) {
            specs.put(p.name(), p);
        }
        Set<String> given = new HashSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (key.equals("type")) {
                continue;
            }
            if (!specs.containsKey(key)) {
                String known = specs.isEmpty() ? "it takes no parameters" : "it takes " + String.join(", ", specs.keySet());
                throw new SpecException(path + "." + key, "unknown parameter \"" + key + "\" for \"" + type + "\""
                        + NameSuggester.hint(key, specs.keySet()) + "; " + known);
            }
            given.add(key);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParamSpec p : specs.values()) {
            String ppath = path + "." + p.name();
            JsonNode v = node.get(p.name());
            if (v == null) {
                if (p.required()) {
                    throw new SpecException(ppath, "missing: \"" + type + "\" needs \"" + p.name() + "\" (" + p.description() + ")");
                }
                // An activation named by default is built like one the user named.
                values.put(p.name(), p.kind() == ParamSpec.Kind.ACTIVATION && p.defaultValue() != null
                        ? ctx.activation((String) p.defaultValue()) : p.defaultValue());
            } else {
                values.put(p.name(), readValue(p, v, ppath, ctx));
            }
        }
        return lt.create(new ValidatedConfig(path, values, given), ctx);
    }

    private Object readValue(ParamSpec p, JsonNode v, String path, BuildContext ctx) {
        switch (p.kind()) {
            case NUMBER -> {
                if (!v.isNumber()) {
                    throw new SpecException(path, "expected a number, found " + describe(v));
                }
                double d = v.asDouble();
                checkRange(p, d, path);
                return d;
            }
            case INTEGER -> {
                if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                    throw new SpecException(path, "expected an integer, found " + describe(v));
                }
                checkRange(p, v.asInt(), path);
                return v.asInt();
            }
            case BOOLEAN -> {
                if (!v.isBoolean()) {
                    throw new SpecException(path, "expected true or false, found " + describe(v));
                }
                return v.asBoolean();
            }
            case STRING -> {
                if (!v.isTextual()) {
                    throw new SpecException(path, "expected a string, found " + describe(v));
                }
                String s = v.asText();
                if (!p.choices().isEmpty() && !p.choices().contains(s)) {
                    throw new SpecException(path, "expected one of " + quoted(p.choices()) + ", found \"" + s + "\""
                            + NameSuggester.hint(s, p.choices()));
                }
                return s;
            }
            case INT_LIST -> {
                if (!v.isArray() || v.isEmpty()) {
                    throw new SpecException(path, "expected a non-empty array of integers like [3, 3], found " + describe(v));
                }
                int[] a = new int[v.size()];
                for (int i = 0; i < a.length; i++) {
                    JsonNode e = v.get(i);
                    if (!e.isIntegralNumber() || !e.canConvertToInt()) {
                        throw new SpecException(path + "[" + i + "]", "expected an integer, found " + describe(e));
                    }
                    checkRange(p, e.asInt(), path + "[" + i + "]");
                    a[i] = e.asInt();
                }
                return a;
            }
            case LAYERS -> {
                return readLayers(v, path, ctx);
            }
            case BRANCHES -> {
                if (!v.isArray()) {
                    throw new SpecException(path, "expected an array of layer arrays, found " + describe(v));
                }
                List<List<Layer>> branches = new ArrayList<>();
                for (int i = 0; i < v.size(); i++) {
                    branches.add(readLayers(v.get(i), path + "[" + i + "]", ctx));
                }
                if (branches.isEmpty()) {
                    throw new SpecException(path, "expected at least one branch, found an empty array");
                }
                return List.copyOf(branches);
            }
            case ACTIVATION -> {
                if (!v.isTextual()) {
                    throw new SpecException(path, "expected the name of an activation, found " + describe(v));
                }
                String a = v.asText();
                if (!catalog.activationNames().contains(a)) {
                    throw new SpecException(path, "unknown activation \"" + a + "\""
                            + NameSuggester.hint(a, catalog.activationNames()));
                }
                Activation act = ctx.activation(a);
                return act;
            }
            default -> throw new IllegalStateException("unhandled kind " + p.kind());
        }
    }

    private static void checkRange(ParamSpec p, double d, String path) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new SpecException(path, "expected a finite number, found " + d);
        }
        boolean low = p.minExclusive() ? d <= p.min() : d < p.min();
        if (low || d > p.max()) {
            String lo = p.minExclusive() ? "> " + fmt(p.min()) : ">= " + fmt(p.min());
            String range = Double.isInfinite(p.max()) || p.max() >= Integer.MAX_VALUE ? lo : lo + " and <= " + fmt(p.max());
            throw new SpecException(path, "expected a value " + range + ", found " + fmt(d));
        }
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }

    private static String quoted(List<String> choices) {
        return "\"" + String.join("\", \"", choices) + "\"";
    }

    /** A short description of a JSON value for "found ..." messages. */
    static String describe(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "nothing";
        }
        if (v.isNull()) {
            return "null";
        }
        if (v.isTextual()) {
            return "the string \"" + v.asText() + "\"";
        }
        if (v.isBoolean()) {
            return v.asText();
        }
        if (v.isNumber()) {
            return "the number " + v.asText();
        }
        if (v.isArray()) {
            return "an array";
        }
        if (v instanceof ObjectNode) {
            return "an object";
        }
        return v.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }
}
