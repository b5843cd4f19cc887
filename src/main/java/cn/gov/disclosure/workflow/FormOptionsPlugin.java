package cn.gov.disclosure.workflow;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.variable.serializer.AbstractObjectValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Stores {@link FormOptions} as a JSON object variable ({@code application/json}), the one shape Tasklist parses
 * before handing variables to a Camunda form, so that a select's {@code valuesKey} finds a list of {label, value}.
 * Only {@link FormOptions} is written this way (registered after the engine's own serializers, it is never chosen
 * for anything else); every other object keeps the engine's default format.
 */
@Component
public class FormOptionsPlugin extends AbstractProcessEnginePlugin {

    static final String JSON = "application/json";

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<TypedValueSerializer> after = configuration.getCustomPostVariableSerializers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostVariableSerializers());
        after.add(new Serializer());
        configuration.setCustomPostVariableSerializers(after);
    }

    static final class Serializer extends AbstractObjectValueSerializer {

        private static final ObjectMapper MAPPER = new ObjectMapper();

        Serializer() {
            super(JSON);
        }

        @Override
        public String getName() {
            return "disclosure-form-options";
        }

        @Override
        protected String getTypeNameForDeserialized(Object deserializedObject) {
            return FormOptions.class.getName();
        }

        @Override
        protected byte[] serializeToByteArray(Object deserializedObject) throws Exception {
            return MAPPER.writeValueAsBytes(((FormOptions) deserializedObject).options());
        }

        @Override
        protected Object deserializeFromByteArray(byte[] object, String objectTypeName) throws Exception {
            return new FormOptions(MAPPER.readValue(object, new TypeReference<List<FormOptions.Option>>() { }));
        }

        @Override
        protected boolean isSerializationTextBased() {
            return true;
        }

        @Override
        protected boolean canSerializeValue(Object value) {
            return value instanceof FormOptions;
        }
    }
}
