package dev.rollgate.cli;

import dev.rollgate.core.metrics.WindowParseResult;
import dev.rollgate.core.metrics.WindowParser;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a JSONL window file, telling I/O failures apart from invalid windows. */
final class WindowFiles {
    private WindowFiles() {
    }

    sealed interface Loaded {
        record Parsed(WindowParseResult result) implements Loaded {
        }

        record Unreadable(String message) implements Loaded {
        }
    }

    /** Reads with a parser made for the policy, so undeclared custom metric families are rejected. */
    static Loaded load(Path file, WindowParser parser) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new Loaded.Parsed(parser.parse(reader));
        } catch (NoSuchFileException e) {
            return new Loaded.Unreadable("cannot read " + file + ": no such file");
        } catch (UncheckedIOException e) {
            return unreadable(file, e.getCause());
        } catch (IOException e) {
            return unreadable(file, e);
        }
    }

    private static Loaded unreadable(Path file, IOException e) {
        if (e instanceof java.nio.charset.MalformedInputException) {
            return new Loaded.Unreadable("cannot read " + file + ": not UTF-8 text");
        }
        return new Loaded.Unreadable("cannot read " + file + ": " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : " " + e.getMessage()));
    }
}
