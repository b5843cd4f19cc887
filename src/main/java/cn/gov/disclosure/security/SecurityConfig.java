package cn.gov.disclosure.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Who may call what.
 * <ul>
 *   <li>{@code /camunda/**} (Tasklist, Cockpit, Admin) sign in through Camunda's own login; Camunda Admin's
 *       first-admin setup is closed (403).</li>
 *   <li>{@code /engine-rest/**} requires HTTP Basic against the engine's users (Camunda's filter), and the
 *       engine's authorization checks then apply: an open engine REST would be remote code execution.</li>
 *   <li>Applicants: the portal pages ({@code /}, {@code /apply}, {@code /track}, {@code /verify}, with CSRF tokens),
 *       {@code POST /api/applications}, their own case with its tracking code, the calendar.</li>
 *   <li>Everything else (staff pages, reports) requires a signed-in member of staff.</li>
 * </ul>
 */
@Configuration
@ConditionalOnWebApplication
public class SecurityConfig {

    /** Camunda's webapps and engine REST authenticate by themselves; Spring Security stays out of the way. */
    @Bean
    @Order(1)
    public SecurityFilterChain camundaChain(HttpSecurity http) throws Exception {
        // Path patterns, not MVC matchers: these paths belong to Camunda's own servlets, not Spring MVC.
        http.securityMatcher(new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/camunda/**"),
                        PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**")))
                // Camunda Admin's first-admin setup lets whoever comes first create an administrator while
                // none exists. The administrator comes from the operator's configuration (DefaultPasswordGuard),
                // so the setup API and page are closed in every profile and every state of the database.
                .authorizeHttpRequests(a -> a
                        .requestMatchers(PathPatternRequestMatcher.withDefaults().matcher("/camunda/api/admin/setup/**"),
                                PathPatternRequestMatcher.withDefaults().matcher("/camunda/app/admin/*/setup/**"))
                        .denyAll()
                        .anyRequest().permitAll())
                .csrf(c -> c.disable())
                .headers(h -> h.frameOptions(f -> f.sameOrigin()));
        return http.build();
    }

    /**
     * The applicant's pages: open to all, with CSRF protection on every form. The token is a cookie
     * (double submit), so nodes keep no session state for it.
     */
    @Bean
    @Order(2)
    public SecurityFilterChain portalChain(HttpSecurity http) throws Exception {
        http.securityMatcher(new OrRequestMatcher(
                        PathPatternRequestMatcher.withDefaults().matcher("/"),
                        PathPatternRequestMatcher.withDefaults().matcher("/apply/**"),
                        PathPatternRequestMatcher.withDefaults().matcher("/track/**"),
                        PathPatternRequestMatcher.withDefaults().matcher("/apply"),
                        PathPatternRequestMatcher.withDefaults().matcher("/track"),
                        PathPatternRequestMatcher.withDefaults().matcher("/verify"),
                        PathPatternRequestMatcher.withDefaults().matcher("/verify/**")))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.csrfTokenRepository(portalCsrfTokens())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(
                        "default-src 'self'; style-src 'self' 'unsafe-inline'; script-src 'none'; "
                                + "frame-ancestors 'none'; form-action 'self'")));
        return http.build();
    }

    /** Not named XSRF-TOKEN: that is Camunda's webapp cookie, and two of them would confuse Tasklist. */
    private static CookieCsrfTokenRepository portalCsrfTokens() {
        CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
        tokens.setCookieName("PORTAL-CSRF");
        tokens.setCookieCustomizer(c -> c.httpOnly(true).sameSite("Lax"));
        return tokens;
    }

    @Bean
    @Order(3)
    public SecurityFilterChain applicationChain(HttpSecurity http, IdentityService identity) throws Exception {
        // A PDF link in a Tasklist form opens in the clerk's Tasklist session, without a second (Basic) sign-in.
        http.addFilterBefore(new WebappSessionAuthenticationFilter(identity), BasicAuthenticationFilter.class);
        http.authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.POST, "/api/applications").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/applications/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/calendar/**").permitAll()
                        // Consulted agencies answer through a one-time link, without an account.
                        .requestMatchers("/consultation/**").permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info").permitAll()
                        .requestMatchers("/", "/error", "/favicon.ico").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(b -> b.realmName("disclosure"))
                // JSON API and Basic auth: no session cookie, hence no CSRF exposure.
                .csrf(c -> c.disable())
                // A page opened in the Tasklist session must not renew that session's id (fixation protection,
                // which Camunda's login has already done): renewed on every staff page, the id went stale under
                // the Tasklist requests still under way and a second tab, and the clerk was signed out mid-task.
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                        .sessionFixation(f -> f.none()));
        return http.build();
    }

    @Bean
    public FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("engine-rest-authentication");
        registration.addUrlPatterns("/engine-rest/*");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
