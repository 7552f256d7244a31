package org.talkhost.web.internal;

import java.io.IOException;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.talkhost.api.gateway.GatewayStatus;
import org.talkhost.api.health.HealthMonitor;
import org.talkhost.api.logging.Metrics;
import org.talkhost.api.process.Supervisor;

/** {@code GET /talkhost/metrics}: TalkHost and AllTalk in the Prometheus text format, for scraping. */
@Component(service = Servlet.class, immediate = true)
@HttpWhiteboardServletPattern("/talkhost/metrics")
public final class MetricsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    transient volatile Supervisor supervisor;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    transient volatile HealthMonitor health;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    transient volatile GatewayStatus gateway;

    @Reference(
            cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    transient volatile Metrics metrics;

    private final transient ControlEndpoint endpoint;
    private final transient PrometheusText text;

    @Activate
    public MetricsServlet(@Reference ControlEndpoint endpoint, @Reference Sampler sampler) {
        this.endpoint = endpoint;
        this.text = new PrometheusText(sampler);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!Answers.allowed(endpoint.access(), req, resp, false)) {
            return;
        }
        resp.setStatus(200);
        resp.setContentType("text/plain; version=0.0.4");
        resp.setCharacterEncoding("UTF-8");
        resp.getWriter().write(text.render(supervisor, health, gateway, metrics));
    }
}
