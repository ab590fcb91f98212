package org.ntk4j.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds an architecture in code. It writes the same JSON a user would and reads it back, so code
 * and files are validated by one set of rules.
 *
 * <pre>{@code
 * Architecture a = ntk4j.builder().layer("dense", "wStd", 1.4142, "bStd", 0.1).layer("relu").layer("dense").build();
 * }</pre>
 */
public final class ArchitectureBuilder {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Ntk4j ntk4j;
    private final ObjectNode root = MAPPER.createObjectNode();
    private final ArrayNode layers = root.putArray("layers");

    ArchitectureBuilder(Ntk4j ntk4j) {
        this.ntk4j = ntk4j;
    }

    public ArchitectureBuilder name(String name) {
        root.put("name", name);
        return this;
    }

    /** "ntk" or "standard". */
    public ArchitectureBuilder parameterization(String p) {
        root.put("parameterization", p);
        return this;
    }

    /** A layer with parameters given as name, value pairs (numbers, strings, booleans, int arrays). */
    public ArchitectureBuilder layer(String type, Object... nameValuePairs) {
        if (nameValuePairs.length % 2 != 0) {
            throw new IllegalArgumentException("parameters come in name, value pairs");
        }
        ObjectNode l = layers.addObject();
        l.put("type", type);
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            l.set((String) nameValuePairs[i], MAPPER.valueToTree(nameValuePairs[i + 1]));
        }
        return this;
    }

    /** A layer given as JSON text (for nested layers: serial, sum, residual, ...). */
    public ArchitectureBuilder layerJson(String json) {
        try {
            layers.add(MAPPER.readTree(json));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("bad layer JSON: " + e.getOriginalMessage(), e);
        }
        return this;
    }

    public String toJson() {
        return root.toPrettyString();
    }

    public Architecture build() {
        return ntk4j.parse(toJson(), "builder");
    }
}
