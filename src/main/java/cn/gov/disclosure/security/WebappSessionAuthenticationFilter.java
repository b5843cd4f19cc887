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
 * A link in a Tasklist form (the draft notice, a consultation letter: {@code /staff/notices/{id}.pdf}; the receipt of
 * a registration: {@code /staff/receipts/{caseNo}.pdf}) opens with
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
        return !uri.startsWith(request.getContextPath() + "/staff/notices/")
                && !uri.startsWith(request.getContextPath() + "/staff/receipts/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && SecurityContextHolder.getContext().getAuthentication() == null) {
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
