package org.talkhost.shell.internal;

import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.talkhost.api.environment.Doctor;
import org.talkhost.api.health.HealthMonitor;
import org.talkhost.api.ports.PortManager;
import org.talkhost.api.process.Supervisor;

/**
 * Every AllTalk instance's Supervisor, health monitor, port manager and doctor, by instance name: what the commands
 * that take {@code --instance NAME} (status, start, stop, restart, health, ports, doctor) look up. One component
 * holds the references, so each command class need not repeat them.
 */
@Component(service = InstanceServices.class)
public final class InstanceServices {
    final ByInstance<Supervisor> supervisors = new ByInstance<>();
    final ByInstance<HealthMonitor> monitors = new ByInstance<>();
    final ByInstance<PortManager> portManagers = new ByInstance<>();
    final ByInstance<Doctor> doctors = new ByInstance<>();

    @Reference(
            name = "supervisors",
            service = Supervisor.class,
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            unbind = "removeSupervisor")
    void addSupervisor(Supervisor s, Map<String, Object> props) {
        supervisors.add(s, props);
    }

    void removeSupervisor(Supervisor s, Map<String, Object> props) {
        supervisors.remove(s, props);
    }

    @Reference(
            name = "monitors",
            service = HealthMonitor.class,
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            unbind = "removeMonitor")
    void addMonitor(HealthMonitor h, Map<String, Object> props) {
        monitors.add(h, props);
    }

    void removeMonitor(HealthMonitor h, Map<String, Object> props) {
        monitors.remove(h, props);
    }

    @Reference(
            name = "portManagers",
            service = PortManager.class,
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            unbind = "removePortManager")
    void addPortManager(PortManager p, Map<String, Object> props) {
        portManagers.add(p, props);
    }

    void removePortManager(PortManager p, Map<String, Object> props) {
        portManagers.remove(p, props);
    }

    @Reference(
            name = "doctors",
            service = Doctor.class,
            cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            unbind = "removeDoctor")
    void addDoctor(Doctor d, Map<String, Object> props) {
        doctors.add(d, props);
    }

    void removeDoctor(Doctor d, Map<String, Object> props) {
        doctors.remove(d, props);
    }
}
