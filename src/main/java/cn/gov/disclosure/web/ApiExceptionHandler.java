package cn.gov.disclosure.web;

import cn.gov.disclosure.common.Texts;

import cn.gov.disclosure.common.InvalidInputException;
import cn.gov.disclosure.common.NotFoundException;
import cn.gov.disclosure.common.FieldError;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/**
 * Turns every failure of the JSON API into a Chinese message; never a stack trace. Error answers are always
 * JSON, whatever the request's Accept header says (otherwise writing the error fails and becomes a 500). HTML pages
 * ({@code @Controller}) use Spring Boot's error pages under {@code web/error/} instead.
 */
@RestControllerAdvice(annotations = RestController.class)
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(InvalidInputException.class)
    public ResponseEntity<Map<String, Object>> badRequest(InvalidInputException e) {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(Map.of("errors", e.errors()));
    }

    @ExceptionHandler(NotFoundException.class)
    public ResponseEntity<Map<String, Object>> notFound(NotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("errors", List.of(new FieldError("caseNo", e.getMessage()))));
    }

    @ExceptionHandler(org.springframework.web.server.ResponseStatusException.class)
    public ResponseEntity<Map<String, Object>> status(org.springframework.web.server.ResponseStatusException e) {
        return ResponseEntity.status(e.getStatusCode()).body(Map.of("errors",
                List.of(new FieldError("request", e.getReason() == null ? Texts.get("web.error.unprocessable") : e.getReason()))));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RequestSizeFilter.BodyTooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("errors", List.of(FieldError.of("body", "web.error.tooLarge", tooLarge.maxBytes / 1024))));
            }
        }
        String field = "body";
        String message = Texts.get("web.error.invalidJson");
        if (e.getCause() instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
            field = path(jme);
            message = jme instanceof InvalidFormatException ife && ife.getTargetType().isEnum()
                    ? Texts.get("web.error.invalidChoice", String.join("、", enumNames(ife.getTargetType())))
                    : Texts.get("web.error.invalidFormat");
        }
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("errors", List.of(new FieldError(field, message))));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    public ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).contentType(MediaType.APPLICATION_JSON).body(Map.of("errors",
                List.of(FieldError.of("Content-Type", "web.error.contentType"))));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    public ResponseEntity<Map<String, Object>> missing(MissingServletRequestParameterException e) {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(Map.of("errors",
                List.of(FieldError.of(e.getParameterName(), "web.error.missingParameter"))));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ResponseEntity<Map<String, Object>> mismatch(MethodArgumentTypeMismatchException e) {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(Map.of("errors",
                List.of(FieldError.of(e.getName(), "web.error.parameterFormat"))));
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<Map<String, Object>> unexpected(Exception e) {
        if (e instanceof ErrorResponse known) {
            // Spring MVC's own refusals (unacceptable Accept header, wrong method …) keep their 4xx status.
            return ResponseEntity.status(known.getStatusCode()).contentType(MediaType.APPLICATION_JSON).body(Map.of(
                    "errors", List.of(FieldError.of("request", "web.error.refused", known.getStatusCode().value()))));
        }
        log.error("Unexpected error in API call", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(MediaType.APPLICATION_JSON).body(Map.of("errors",
                List.of(FieldError.of("server", "web.error.unexpected"))));
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static List<String> enumNames(Class<?> type) {
        return java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString).toList();
    }
}
