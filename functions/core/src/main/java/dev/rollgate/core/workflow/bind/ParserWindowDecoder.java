package dev.rollgate.core.workflow.bind;

import dev.rollgate.core.metrics.WindowParser;
import dev.rollgate.core.metrics.WindowRejection;
import dev.rollgate.core.workflow.WindowDecoder;

import java.util.stream.Collectors;

/** The workflow's {@link WindowDecoder} backed by the judge's strict {@link WindowParser}. */
public final class ParserWindowDecoder implements WindowDecoder {
    private final WindowParser parser;

    public ParserWindowDecoder(WindowParser parser) {
        this.parser = parser;
    }

    @Override
    public Decoded decode(String json) {
        WindowParser.LineResult result = parser.parseLine(json, 1);
        if (result instanceof WindowParser.LineResult.Parsed parsed) {
            return new Decoded.Accepted(parsed.window());
        }
        var rejections = ((WindowParser.LineResult.Rejected) result).rejections();
        return new Decoded.Rejected(rejections.get(0).reason().name(),
                rejections.stream().map(WindowRejection::toString).collect(Collectors.joining("; ")));
    }
}
