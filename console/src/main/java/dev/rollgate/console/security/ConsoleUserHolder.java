package dev.rollgate.console.security;

/** A Spring Security principal that knows the console user behind it (local or OIDC sign-in). */
public interface ConsoleUserHolder {
    ConsoleUser consoleUser();
}
