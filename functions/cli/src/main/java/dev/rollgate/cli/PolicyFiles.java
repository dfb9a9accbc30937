package dev.rollgate.cli;

import dev.rollgate.core.policy.PolicyParseResult;
import dev.rollgate.core.policy.PolicyParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a policy file for the CLI, turning I/O failures into a one-line message. */
public final class PolicyFiles {
    private PolicyFiles() {
    }

    /** Either the parse result, or the I/O problem that prevented reading the file. */
    public sealed interface Loaded {
        record Parsed(PolicyParseResult result) implements Loaded {
        }

        record Unreadable(String message) implements Loaded {
        }
    }

    public static Loaded load(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String name = file.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", "");
            return new Loaded.Parsed(PolicyParser.parse(text, name));
        } catch (NoSuchFileException e) {
            return new Loaded.Unreadable("cannot read " + file + ": no such file");
        } catch (java.nio.charset.MalformedInputException e) {
            return new Loaded.Unreadable("cannot read " + file + ": not UTF-8 text");
        } catch (IOException e) {
            return new Loaded.Unreadable("cannot read " + file + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }
}
