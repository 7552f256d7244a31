package org.talkhost.connection.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpPut;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.entity.UrlEncodedFormEntity;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.apache.hc.core5.net.URIBuilder;

/** The HTTP requests AllTalk understands, always addressed absolutely to the target. */
final class Requests {

    private Requests() {}

    static HttpGet get(URI base, String path) {
        return new HttpGet(base.resolve(path));
    }

    static HttpGet get(URI base, String path, Map<String, String> query) {
        return new HttpGet(withQuery(base.resolve(path), query));
    }

    static HttpGet get(URI absolute) {
        return new HttpGet(absolute);
    }

    static HttpPut put(URI base, String path) {
        return new HttpPut(base.resolve(path));
    }

    static HttpPost post(URI base, String path, Map<String, String> query) {
        return new HttpPost(withQuery(base.resolve(path), query));
    }

    /** A form post ({@code application/x-www-form-urlencoded}, UTF-8). */
    static HttpPost form(URI base, String path, Map<String, String> fields) {
        HttpPost post = new HttpPost(base.resolve(path));
        List<NameValuePair> pairs = new ArrayList<>(fields.size());
        fields.forEach((k, v) -> pairs.add(new BasicNameValuePair(k, v)));
        post.setEntity(new UrlEncodedFormEntity(pairs, StandardCharsets.UTF_8));
        return post;
    }

    /** A JSON post. */
    static HttpPost json(URI base, String path, Object body) {
        HttpPost post = new HttpPost(base.resolve(path));
        try {
            post.setEntity(new ByteArrayEntity(Json.MAPPER.writeValueAsBytes(body), ContentType.APPLICATION_JSON));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the request body", e);
        }
        return post;
    }

    /** "GET /api/voices", for logs. */
    static String describe(HttpUriRequestBase request) {
        return request.getMethod() + " " + request.getPath().replaceFirst("\\?.*", "");
    }

    private static URI withQuery(URI uri, Map<String, String> query) {
        try {
            URIBuilder b = new URIBuilder(uri, StandardCharsets.UTF_8);
            query.forEach(b::addParameter);
            return b.build();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("bad request address " + uri, e);
        }
    }
}
