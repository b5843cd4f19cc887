package cn.gov.disclosure.workflow.rest;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;

import cn.gov.disclosure.common.InvalidInputException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * JAX-RS exception mappers for the engine REST ({@code /engine-rest} and the webapps' {@code /camunda/api/engine}).
 * The engine REST wraps a listener's refusal into a {@link RestException} with status 500, which Camunda's own
 * mapper logs with its stack trace; these mappers take only the refusals and leave every other error to Camunda.
 * They rank before Camunda's mappers of the same exception types ({@link Priority}), and decline what is not a
 * user mistake ({@link ExtendedExceptionMapper#isMappable}).
 */
public final class RefusedInputMappers {

    private RefusedInputMappers() {
    }

    /** Everything to register in a JAX-RS application. */
    public static final Class<?>[] ALL = {Wrapped.class, EngineWrapped.class, Bare.class};

    /** Completing a task or submitting a form: the resource wraps the engine's error in a RestException. */
    @Provider
    @Priority(1)
    public static class Wrapped implements ExtendedExceptionMapper<RestException> {
        @Context UriInfo uri;

        @Override
        public boolean isMappable(RestException e) {
            return RefusedInput.find(e) != null;
        }

        @Override
        public Response toResponse(RestException e) {
            return RefusedInput.answer(RefusedInput.find(e), uri);
        }
    }

    /** Resources that let the engine's ProcessEngineException through unwrapped. */
    @Provider
    @Priority(1)
    public static class EngineWrapped implements ExtendedExceptionMapper<ProcessEngineException> {
        @Context UriInfo uri;

        @Override
        public boolean isMappable(ProcessEngineException e) {
            return RefusedInput.find(e) != null;
        }

        @Override
        public Response toResponse(ProcessEngineException e) {
            return RefusedInput.answer(RefusedInput.find(e), uri);
        }
    }

    /** A delegate's refusal that reached the resource as it was thrown. */
    @Provider
    public static class Bare implements ExceptionMapper<InvalidInputException> {
        @Context UriInfo uri;

        @Override
        public Response toResponse(InvalidInputException e) {
            return RefusedInput.answer(e, uri);
        }
    }
}
