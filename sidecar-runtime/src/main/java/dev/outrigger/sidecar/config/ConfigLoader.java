package dev.outrigger.sidecar.config;

import dev.outrigger.sidecar.config.YamlNode.MapNode;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads a sidecar YAML file into a {@link SidecarConfig}: every field checked, defaults filled in, and every
 * problem of the file reported together in one {@link ConfigException}.
 */
public final class ConfigLoader {

    private ConfigLoader() {
    }

    /** Loads {@code file}; its path as given names it in error messages. */
    public static SidecarConfig load(Path file) throws ConfigException {
        String sourceName = file.toString();
        String yaml;
        try {
            yaml = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw fileError(sourceName, "file not found");
        } catch (AccessDeniedException e) {
            throw fileError(sourceName, "permission denied");
        } catch (CharacterCodingException e) {
            throw fileError(sourceName, "not valid UTF-8 text");
        } catch (IOException e) {
            throw fileError(sourceName, "cannot read file: " + e.getMessage());
        }
        return parse(yaml, sourceName, file.toAbsolutePath().getParent());
    }

    /**
     * Parses {@code yaml}; {@code sourceName} (usually the file name) starts every error message. Relative
     * file names in it are resolved against the working directory.
     */
    public static SidecarConfig parse(String yaml, String sourceName) throws ConfigException {
        return parse(yaml, sourceName, Path.of("").toAbsolutePath());
    }

    /** Parses {@code yaml}, resolving relative file names in it against {@code baseDir}. */
    public static SidecarConfig parse(String yaml, String sourceName, Path baseDir) throws ConfigException {
        Problems problems = new Problems();
        Optional<YamlNode> root = new YamlTreeReader(problems).read(yaml);
        SidecarConfig config = root.map(node -> bind(node, baseDir, problems)).orElse(null);
        if (!problems.isEmpty()) {
            throw new ConfigException(sourceName, problems.sortedByLine());
        }
        return config;
    }

    private static SidecarConfig bind(YamlNode root, Path baseDir, Problems problems) {
        if (!(root instanceof MapNode)) {
            problems.add("", root.line(), "the top level must be a map of settings (service: ..., services: ...), got "
                    + root.describe());
            return null;
        }
        return Readers.section(fields -> SidecarConfigBinder.bind(fields, baseDir)).read(root, "", problems);
    }

    private static ConfigException fileError(String sourceName, String message) {
        return new ConfigException(sourceName, List.of(new ConfigError("", 0, message)));
    }
}
