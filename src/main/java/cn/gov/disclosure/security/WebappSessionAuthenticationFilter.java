package cn.gov.disclosure.security;

import java.io.IOException;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * A link in a Tasklist form (the draft notice, a consultation letter: {@code /staff/notices/{id}.pdf}; a print
 * package {@code /staff/deliveries/**}; the items page {@code /staff/cases/**}; the case's
 * records page {@code /staff/records/**}, whose forms carry a CSRF token; the receipt of a registration:
 * {@code /staff/receipts/{caseNo}.pdf}) opens with
 * the clerk's Tasklist sign-in instead of asking for the password again (HTTP Basic). Only for the paths
 * {@link SecurityConfig} puts this filter on, only for a user who still exists, with the same group authorities
 * as a Basic sign-in; without a webapp session nothing changes and Basic is asked for as before.
 */
class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

    private static final String ENGINE = "default";

    private final IdentityService identity;

    WebappSessionAuthenticationFilter(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String base = request.getContextPath();
        // Notices, the print packages of deliveries by hand (linked from the 邮寄 and 领取 forms), the items page,
        // the records pages, the receipts of registrations.
        return !uri.startsWith(base + "/staff/notices/") && !uri.startsWith(base + "/staff/deliveries/")
                && !uri.startsWith(base + "/staff/cases/") && !uri.startsWith(base + "/staff/records/")
                && !uri.startsWith(base + "/staff/receipts/");
    }

    /**
     * A form posted with the session cookie must come from this site's own pages: browsers send the cookie with
     * a post from anywhere (cross-site request forgery), and name the page's origin in the Origin header.
     */
    static boolean sameOrigin(HttpServletRequest request) {
        if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
            return true;
        }
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null) {
            return "same-origin".equals(fetchSite);
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        String own = request.getScheme() + "://" + request.getServerName()
                + (request.getServerPort() == 80 || request.getServerPort() == 443 ? "" : ":" + request.getServerPort());
        return origin.equals(own) || origin.equals(request.getScheme() + "://" + request.getHeader("Host"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && SecurityContextHolder.getContext().getAuthentication() == null && sameOrigin(request)) {
            String user = webappUser(session);
            if (user != null && identity.createUserQuery().userId(user).count() == 1) {
                List<SimpleGrantedAuthority> authorities = identity.createGroupQuery().groupMember(user).list().stream()
                        .map(Group::getId).map(g -> new SimpleGrantedAuthority("GROUP_" + g)).toList();
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
                SecurityContextHolder.setContext(context);
            }
        }
        chain.doFilter(request, response);
    }

    private static String webappUser(HttpSession session) {
        Authentications all = AuthenticationUtil.getAuthsFromSession(session);
        if (all == null) {
            return null;
        }
        for (UserAuthentication a : all.getAuthentications()) {
            if (ENGINE.equals(a.getProcessEngineName())) {
                return a.getIdentityId();
            }
        }
        return null;
    }
}
