// Kubernetes Pod YAML as a plan, and a running pod back as YAML: the mapping, field by field.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ContainerInfo } from '../run/engine.js';
import { generatePodYaml, parsePodYaml } from './kube.js';

const POD = `
# a comment, and a Service first: only the Pod is played
apiVersion: v1
kind: Service
metadata: {name: ignored}
---
apiVersion: v1
kind: Pod
metadata:
  name: app
  labels: {tier: test}
spec:
  restartPolicy: Never
  volumes:
    - {name: scratch, emptyDir: {}}
    - {name: src, hostPath: {path: /srv/src, type: DirectoryOrCreate}}
    - {name: conf, hostPath: {path: /etc/app.conf}}
  containers:
    - name: db
      image: postgres:16
      args: [-c, fsync=off]
      env:
        - {name: POSTGRES_PASSWORD, value: pw}
        - {name: PORT, value: 5432}
        - {name: EMPTY}
      ports: [{containerPort: 5432, hostPort: 15432, hostIP: 127.0.0.1, name: pg}]
      readinessProbe:
        exec: {command: [pg_isready, -U, postgres]}
        initialDelaySeconds: 2
        periodSeconds: 1
        failureThreshold: 30
      livenessProbe: {tcpSocket: {port: pg}}
      volumeMounts: [{name: scratch, mountPath: /var/lib/postgresql/data}]
    - name: web
      image: ghcr.io/o/web:1
      command: [node, server.js]
      workingDir: /app
      securityContext: {runAsUser: 1000, runAsGroup: 1000}
      ports: [{containerPort: 8080, name: http}]
      readinessProbe: {httpGet: {path: /healthz, port: http, scheme: HTTPS}}
      volumeMounts:
        - {name: src, mountPath: /app, readOnly: true}
        - {name: conf, mountPath: /etc/app.conf}
`;

describe('parsePodYaml', () => {
  it('maps a Pod onto a plan', () => {
    const plan = parsePodYaml(POD);
    expect(plan.name).toBe('app');
    expect(plan.labels).toEqual({ tier: 'test' });
    expect(plan.ports).toEqual([
      { hostIp: '127.0.0.1', hostPort: 15432, containerPort: 5432, protocol: 'tcp' },
    ]);
    const [db, web] = plan.containers;
    expect(db).toEqual({
      name: 'db',
      image: 'postgres:16',
      command: ['-c', 'fsync=off'],
      env: { POSTGRES_PASSWORD: 'pw', PORT: '5432', EMPTY: '' },
      ports: [5432],
      mounts: [{ destination: '/var/lib/postgresql/data', readOnly: false, emptyDir: 'scratch' }],
      readiness: {
        check: { kind: 'exec', command: ['pg_isready', '-U', 'postgres'] },
        intervalMs: 1000,
        timeoutMs: 1000,
        retries: 30,
        startPeriodMs: 0,
        delayMs: 2000,
      },
      liveness: {
        check: { kind: 'tcp', port: 5432 },
        intervalMs: 10_000,
        timeoutMs: 1000,
        retries: 3,
        startPeriodMs: 0,
        delayMs: 0,
      },
    });
    expect(web).toMatchObject({
      entrypoint: ['node', 'server.js'],
      workdir: '/app',
      user: '1000:1000',
      mounts: [
        { destination: '/app', readOnly: true, hostPath: '/srv/src', create: 'directory' },
        { destination: '/etc/app.conf', readOnly: false, hostPath: '/etc/app.conf' },
      ],
      readiness: { check: { kind: 'http', scheme: 'https', port: 8080, path: '/healthz' } },
    });
    // Without a readinessProbe the image's HEALTHCHECK decides, as on the command line.
    expect(
      parsePodYaml('kind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: a, image: b}]}\n')
        .containers[0]?.readiness,
    ).toBeUndefined();
  });

  it.each([
    ['kind: Pod\nspec: [', /invalid YAML at line \d+, column \d+/],
    [
      'kind: Deployment\n---\nkind: Service\n',
      /no document of kind Pod \(found Deployment, Service\); only Pods are supported/,
    ],
    ['kind: Pod\nspec: {containers: [{name: a, image: b}]}\n', /metadata\.name: required/],
    ['kind: Pod\nmetadata: {name: p}\n', /spec: required/],
    [
      'kind: Pod\nmetadata: {name: p}\nspec: {containers: []}\n',
      /at least one container is required/,
    ],
    [
      'kind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: a}]}\n',
      /spec\.containers\[0\]\.image: required/,
    ],
    [
      'kind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: a, image: b, command: sh}]}\n',
      /spec\.containers\[0\]\.command: expected a list/,
    ],
    [
      'kind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: a, image: b, ports: [{containerPort: 0}]}]}\n',
      /spec\.containers\[0\]\.ports\[0\]\.containerPort: expected a port 1-65535, got 0/,
    ],
    [
      'kind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: a, image: b, env: [{name: X, valueFrom: {}}]}]}\n',
      /env\[0\]\.valueFrom is not supported/,
    ],
    [
      'kind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: a, image: b, volumeMounts: [{name: v, mountPath: /v}]}]}\n',
      /no volume named "v" in spec\.volumes/,
    ],
    [
      'kind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: a, image: b, readinessProbe: {grpc: {port: 1}}}]}\n',
      /readinessProbe: expected exec, tcpSocket or httpGet/,
    ],
    [
      'kind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: a, image: b, readinessProbe: {tcpSocket: {port: web}}}]}\n',
      /tcpSocket\.port: expected a port 1-65535, got "web"/,
    ],
  ])('%j fails naming the path', (yaml, message) => {
    expect(() => parsePodYaml(yaml, 'pod.yaml')).toThrow(message);
    expect(() => parsePodYaml(yaml, 'pod.yaml')).toThrow(/^parsing pod\.yaml: /);
  });
});

describe('generatePodYaml', () => {
  it('writes the YAML that plays back as the same plan', () => {
    const plan = parsePodYaml(POD);
    const dir = '/run/lighter/pods/0123456789abcdef';
    const containers = plan.containers.map(
      (c, i): ContainerInfo => ({
        id: `${i}`.repeat(64),
        name: c.name,
        image: c.image,
        imageId: '',
        command: '',
        // Created in the opposite order: the planned order wins.
        createdAt: new Date(Date.now() - i * 1000).toISOString(),
        state: { id: '', name: c.name, status: 'running', createdAt: '', labels: {} },
        pod: { id: 'p', name: 'app', order: i },
        network: 'pod',
        autoremove: false,
        request: {
          image: c.image,
          ...(c.entrypoint ? { entrypoint: c.entrypoint } : {}),
          ...(c.command ? { command: c.command } : {}),
          env: c.env ?? {},
          volumes: (c.mounts ?? []).map((m) => ({
            source: m.emptyDir ? `${dir}/volumes/${m.emptyDir}` : (m.hostPath as string),
            destination: m.destination,
            readOnly: m.readOnly,
          })),
          ...(c.workdir ? { workdir: c.workdir } : {}),
          ...(c.user ? { user: c.user } : {}),
          ...(c.readiness && c.readiness !== 'none' ? { readiness: c.readiness } : {}),
          ...(c.liveness ? { liveness: c.liveness } : {}),
          ports: c.ports ?? [],
        },
      }),
    );
    const yaml = generatePodYaml({ name: 'app', ports: plan.ports, dir, containers });
    expect(yaml.startsWith('# Generated by lighter kube generate\n')).toBe(true);
    const doc = parse(yaml);
    expect(doc.spec.containers.map((c: { name: string }) => c.name)).toEqual(['db', 'web']);
    expect(doc.spec.volumes[0]).toEqual({ name: 'scratch', emptyDir: {} });
    const again = parsePodYaml(yaml);
    expect(again.ports).toEqual(plan.ports);
    expect(
      again.containers.map((c) => ({
        ...c,
        mounts: c.mounts?.map((m) => [m.destination, m.readOnly, !!m.emptyDir]),
      })),
    ).toEqual(
      plan.containers.map((c) => ({
        ...c,
        mounts: c.mounts?.map((m) => [m.destination, m.readOnly, !!m.emptyDir]),
      })),
    );
  });
});
