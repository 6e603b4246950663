package cn.creditwindow.web;

import cn.creditwindow.articles.Module;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/** The one JSON mapper of the application: ISO-8601 times, modules by their API id. */
public final class Json {
    private Json() {
    }

    public static ObjectMapper mapper() {
        SimpleModule ids = new SimpleModule("ids");
        ids.addSerializer(Module.class, new StdSerializer<>(Module.class) {
            @Override
            public void serialize(Module m, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(m.id());
            }
        });
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(ids)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
    }
}
