package cn.gov.disclosure.security;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;

/**
 * The records pages ({@code /staff/records/**}): opened from a Tasklist form in the clerk's Tasklist sign-in
 * (no second login), HTTP Basic otherwise. Unlike the JSON API these are forms a browser posts with its session
 * cookie, so every POST needs the page's CSRF token (double-submit cookie, no server state).
 */
@Configuration
@ConditionalOnWebApplication
public class StaffRecordsSecurity {

    @Bean
    @Order(0)
    public SecurityFilterChain staffRecordsChain(HttpSecurity http, IdentityService identity) throws Exception {
        CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
        tokens.setCookieName("RECORDS-CSRF");
        tokens.setCookiePath("/staff/records");
        tokens.setCookieCustomizer(c -> c.httpOnly(true).sameSite("Strict"));
        http.securityMatcher("/staff/records/**")
                .addFilterBefore(new WebappSessionAuthenticationFilter(identity), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .httpBasic(b -> b.realmName("disclosure"))
                .csrf(c -> c.csrfTokenRepository(tokens).csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(
                        "default-src 'self'; style-src 'self' 'unsafe-inline'; script-src 'none'; "
                                + "frame-ancestors 'self'; form-action 'self'")));
        return http.build();
    }
}
