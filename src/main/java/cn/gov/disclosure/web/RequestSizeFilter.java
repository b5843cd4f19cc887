package cn.gov.disclosure.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses oversized JSON bodies before they are read (forms are limited by Tomcat itself), and bodies whose
 * Content-Type is a wildcard, which Spring cannot read and would answer with a 500.
 */
@Component
public class RequestSizeFilter extends OncePerRequestFilter {

    private final long maxBytes;

    public RequestSizeFilter(@Value("${disclosure.api.max-request-bytes:65536}") long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write("{\"errors\":[{\"field\":\"body\",\"message\":\"提交的内容过大（上限"
                    + maxBytes / 1024 + "KB），请精简后重新提交\"}]}");
            return;
        }
        String type = request.getContentType();
        if (type != null && !type.isBlank() && wildcard(type)) {
            response.setStatus(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE);
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write("{\"errors\":[{\"field\":\"Content-Type\",\"message\":\"请以 application/json 格式提交\"}]}");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean wildcard(String contentType) {
        try {
            return MediaType.parseMediaType(contentType).isWildcardType();
        } catch (InvalidMediaTypeException e) {
            return false; // Spring MVC answers an unparsable type with 415 itself.
        }
    }
}
