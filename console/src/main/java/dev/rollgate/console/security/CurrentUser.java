package dev.rollgate.console.security;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The user of the request being served, as the console's services check it. */
@Component
public class CurrentUser {
    public ConsoleUser get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof ConsoleUserHolder holder) {
            return holder.consoleUser();
        }
        throw new AccessDeniedException("not signed in");
    }
}
