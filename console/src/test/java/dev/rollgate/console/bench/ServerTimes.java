package dev.rollgate.console.bench;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Times every HTTP request the console serves, from the first filter until the response is written: the server
 * time of a page load or of a click (Vaadin's UIDL requests), without the browser's share.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ServerTimes {
    /** One served request: Vaadin's request type ({@code v-r}: init, uidl, ...) or the path, and its duration. */
    public record Served(String kind, double millis) {
    }

    static final List<Served> SERVED = Collections.synchronizedList(new ArrayList<>());

    @Bean
    FilterRegistrationBean<Filter> serverTimer() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
            long start = System.nanoTime();
            try {
                chain.doFilter(request, response);
            } finally {
                SERVED.add(new Served(kind((HttpServletRequest) request), (System.nanoTime() - start) / 1e6));
            }
        });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    private static String kind(HttpServletRequest request) {
        String type = request.getParameter("v-r");
        return type != null ? type : request.getRequestURI();
    }

    static void clear() {
        SERVED.clear();
    }

    /** Server time of the requests served since {@link #clear()} that did the work (static files left out). */
    static double workMillis() {
        synchronized (SERVED) {
            return SERVED.stream().filter(s -> !s.kind().startsWith("/VAADIN/") && !s.kind().endsWith(".js")
                    && !s.kind().endsWith(".css") && !s.kind().endsWith(".png") && !s.kind().endsWith(".ico"))
                    .mapToDouble(Served::millis).sum();
        }
    }
}
