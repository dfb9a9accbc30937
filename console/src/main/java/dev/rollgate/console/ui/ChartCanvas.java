package dev.rollgate.console.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.html.Div;

import java.util.Map;

/**
 * A Chart.js chart drawn in the browser from a configuration built in Java. Chart.js is loaded once per page as
 * a plain script from its webjar; the configuration travels as a JSON string parameter of executeJs, never as
 * markup, so labels taken from stored data cannot inject anything.
 */
public final class ChartCanvas extends Div {
    public static final String CHART_JS = "context://webjars/chart.js/4.5.1/dist/chart.umd.min.js";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DRAW = """
            const host = this;
            const config = JSON.parse($0);
            const draw = (tries) => {
              if (!window.Chart) { if (tries < 100) setTimeout(() => draw(tries + 1), 100); return; }
              let canvas = host.querySelector('canvas');
              if (!canvas) { canvas = document.createElement('canvas'); host.appendChild(canvas); }
              if (host.$chart) { host.$chart.destroy(); }
              config.options = Object.assign({animation: false, responsive: true, maintainAspectRatio: false},
                                             config.options || {});
              host.$chart = new window.Chart(canvas, config);
              host.setAttribute('data-drawn', String(config.data.datasets.length));
            };
            draw(0);
            """;

    private String lastConfig = "";

    public ChartCanvas(String height) {
        addClassName("rg-chart");
        setWidthFull();
        setHeight(height);
        // A re-attached element has lost its chart: draw again next time.
        addDetachListener(e -> lastConfig = "");
    }

    /** Draws {@code config} (a Chart.js configuration as maps and lists) unless it is what is drawn already. */
    public void show(Map<String, Object> config) {
        String json;
        try {
            json = JSON.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("chart configuration is not serialisable", e);
        }
        if (json.equals(lastConfig)) {
            return;
        }
        lastConfig = json;
        getElement().executeJs(DRAW, json);
    }
}
