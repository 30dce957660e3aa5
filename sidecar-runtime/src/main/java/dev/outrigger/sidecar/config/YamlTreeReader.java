package dev.outrigger.sidecar.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.outrigger.sidecar.config.YamlNode.Entry;
import dev.outrigger.sidecar.config.YamlNode.Kind;
import dev.outrigger.sidecar.config.YamlNode.ListNode;
import dev.outrigger.sidecar.config.YamlNode.MapNode;
import dev.outrigger.sidecar.config.YamlNode.Scalar;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Streams a YAML document into {@link YamlNode}s with line numbers. Duplicate keys and aliases are
 * reported to {@link Problems} and reading goes on; a syntax error ends reading with one error.
 */
final class YamlTreeReader {

    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

    private final Problems problems;
    private JsonParser parser;

    YamlTreeReader(Problems problems) {
        this.problems = problems;
    }

    /** The single document of {@code yaml}; empty when the text holds none or has a syntax error. */
    Optional<YamlNode> read(String yaml) {
        try (JsonParser yamlParser = FACTORY.createParser(yaml)) {
            parser = yamlParser;
            if (parser.nextToken() == null) {
                problems.add("", 1, "the file is empty; at least 'service' must be set");
                return Optional.empty();
            }
            YamlNode root = readValue("");
            if (parser.nextToken() != null) {
                problems.add("", line(), "only one YAML document is allowed; found another after '---'");
            }
            return Optional.of(root);
        } catch (JsonProcessingException e) {
            problems.add("", syntaxErrorLine(e), "YAML syntax error: " + SyntaxErrors.describe(e));
            return Optional.empty();
        } catch (IOException e) {
            problems.add("", 0, "cannot read YAML: " + e.getMessage());
            return Optional.empty();
        }
    }

    private YamlNode readValue(String path) throws IOException {
        int line = line();
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> readMap(path, line);
            case START_ARRAY -> readList(path, line);
            case VALUE_STRING -> readString(path, line);
            case VALUE_NUMBER_INT -> new Scalar(line, Kind.INTEGER, parser.getText());
            case VALUE_NUMBER_FLOAT -> new Scalar(line, Kind.DECIMAL, parser.getText());
            case VALUE_TRUE -> new Scalar(line, Kind.TRUE, parser.getText());
            case VALUE_FALSE -> new Scalar(line, Kind.FALSE, parser.getText());
            case VALUE_NULL -> new Scalar(line, Kind.EMPTY, "");
            default -> throw new IllegalStateException("unexpected YAML token " + token);
        };
    }

    private Scalar readString(String path, int line) throws IOException {
        String text = parser.getText();
        if (((YAMLParser) parser).isCurrentAlias()) {
            problems.add(path, line, "YAML aliases (*" + text + ") are not supported; write the value out");
        }
        return new Scalar(line, text.isEmpty() ? Kind.EMPTY : Kind.STRING, text);
    }

    private MapNode readMap(String path, int line) throws IOException {
        Map<String, Entry> entries = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            int keyLine = line();
            parser.nextToken();
            String keyPath = Problems.child(path, key);
            YamlNode value = readValue(keyPath);
            Entry first = entries.putIfAbsent(key, new Entry(key, keyLine, value));
            if (first != null) {
                problems.add(keyPath, keyLine, "duplicate key (first set at line " + first.line() + ")");
            }
        }
        return new MapNode(line, entries);
    }

    private ListNode readList(String path, int line) throws IOException {
        List<YamlNode> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(readValue(Problems.item(path, items.size())));
        }
        return new ListNode(line, items);
    }

    private int line() {
        return parser.currentTokenLocation().getLineNr();
    }

    private static int syntaxErrorLine(JsonProcessingException e) {
        return e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
    }
}
