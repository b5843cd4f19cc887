package cn.gov.disclosure.workflow.rest;

import org.glassfish.jersey.internal.spi.AutoDiscoverable;
import org.glassfish.jersey.server.ServerProperties;

import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.FeatureContext;

/**
 * Adds {@link RefusedInputMappers} to every Jersey application of this server: the starter's {@code /engine-rest}
 * and the webapps' {@code /camunda/api/engine} (where Tasklist submits forms), which the webapp starter registers as
 * servlets of its own, out of reach of Spring's Jersey configuration. Jersey finds this class through
 * {@code META-INF/services/org.glassfish.jersey.internal.spi.AutoDiscoverable}.
 */
@ConstrainedTo(RuntimeType.SERVER)
public class RefusedInputFeature implements AutoDiscoverable {

    @Override
    public void configure(FeatureContext context) {
        // No WADL: nobody reads it, and without a JAXB implementation Jersey logs a WARN on each application's
        // first request, which would stand next to the one WARN line a refused input is meant to leave.
        context.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        for (Class<?> mapper : RefusedInputMappers.ALL) {
            if (!context.getConfiguration().isRegistered(mapper)) {
                context.register(mapper);
            }
        }
    }
}
