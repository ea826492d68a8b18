using EssaySite.Health;
using YamlDotNet.Serialization;

namespace EssaySite.Tests;

/// <summary>
/// deploy/kubernetes/: the Deployment runs at least two replicas of a non-root container with a read-only root
/// file system, probed on the health endpoint, with resource requests and limits and somewhere to write; the Service
/// and the autoscaler point at it.
/// </summary>
public sealed class KubernetesManifestTests
{
    private static readonly string Folder = Path.Combine(Repo.Root, "deploy", "kubernetes");

    private static Dictionary<object, object> Manifest(string kind)
    {
        var deserializer = new DeserializerBuilder().Build();
        var manifests = Directory.EnumerateFiles(Folder, "*.yaml")
            .Select(f => deserializer.Deserialize<Dictionary<object, object>>(File.ReadAllText(f)))
            .Where(m => (string)m["kind"] == kind)
            .ToList();
        return Assert.Single(manifests);
    }

    private static object At(object node, string path)
    {
        foreach (var key in path.Split('.'))
        {
            var map = Assert.IsType<Dictionary<object, object>>(node);
            Assert.True(map.TryGetValue(key, out var next), $"no '{key}' in {path}");
            node = next;
        }

        return node;
    }

    private static Dictionary<object, object> Container()
    {
        var containers = Assert.IsType<List<object>>(At(Manifest("Deployment"), "spec.template.spec.containers"));
        return Assert.IsType<Dictionary<object, object>>(Assert.Single(containers));
    }

    [Fact]
    public void Deployment_RunsTwoOrMoreNonRootReplicasWithAReadOnlyRoot()
    {
        var deployment = Manifest("Deployment");
        Assert.True(int.Parse((string)At(deployment, "spec.replicas"), System.Globalization.CultureInfo.InvariantCulture) >= 2);
        Assert.Equal("true", At(deployment, "spec.template.spec.securityContext.runAsNonRoot"));
        Assert.NotEqual("0", At(deployment, "spec.template.spec.securityContext.runAsUser"));
        var container = Container();
        Assert.Equal("true", At(container, "securityContext.readOnlyRootFilesystem"));
        Assert.Equal("false", At(container, "securityContext.allowPrivilegeEscalation"));
    }

    [Fact]
    public void Deployment_ProbesTheHealthEndpointOnTheContainersPort()
    {
        var container = Container();
        var port = Assert.IsType<Dictionary<object, object>>(Assert.Single(Assert.IsType<List<object>>(At(container, "ports"))));
        // The image listens on 8080 (the Dockerfile's ASPNETCORE_HTTP_PORTS).
        Assert.Equal("8080", port["containerPort"]);
        Assert.Contains("ASPNETCORE_HTTP_PORTS=8080", File.ReadAllText(Path.Combine(Repo.Root, "Dockerfile")), StringComparison.Ordinal);
        foreach (var probe in new[] { "readinessProbe", "livenessProbe" })
        {
            Assert.Equal(HealthEndpoints.Path, At(container, $"{probe}.httpGet.path"));
            Assert.Contains(At(container, $"{probe}.httpGet.port"), new[] { port["containerPort"], port["name"] });
        }
    }

    [Fact]
    public void Deployment_AsksForAndLimitsCpuAndMemory()
    {
        var container = Container();
        foreach (var bound in new[] { "requests", "limits" })
        {
            foreach (var resource in new[] { "cpu", "memory" })
            {
                Assert.False(string.IsNullOrEmpty(At(container, $"resources.{bound}.{resource}") as string), $"no {bound}.{resource}");
            }
        }
    }

    [Fact]
    public void Deployment_GivesTheAppSomewhereToWriteBesideItsReadOnlyRoot()
    {
        var deployment = Manifest("Deployment");
        var volumes = Assert.IsType<List<object>>(At(deployment, "spec.template.spec.volumes")).Cast<Dictionary<object, object>>()
            .Where(v => v.ContainsKey("emptyDir")).Select(v => (string)v["name"]).ToHashSet(StringComparer.Ordinal);
        var mounts = Assert.IsType<List<object>>(At(Container(), "volumeMounts")).Cast<Dictionary<object, object>>()
            .Where(m => volumes.Contains((string)m["name"])).Select(m => (string)m["mountPath"]).ToList();
        // Temporary files and the runtime's diagnostics socket; ASP.NET Core's key ring under the image user's home.
        Assert.Contains("/tmp", mounts);
        Assert.Contains("/home/app/.aspnet", mounts);
    }

    [Fact]
    public void ServiceAndAutoscaler_PointAtTheDeployment()
    {
        var deployment = Manifest("Deployment");
        var labels = Assert.IsType<Dictionary<object, object>>(At(deployment, "spec.template.metadata.labels"));
        var service = Manifest("Service");
        foreach (var (key, value) in Assert.IsType<Dictionary<object, object>>(At(service, "spec.selector")))
        {
            Assert.Equal(value, labels[key]);
        }

        var servicePort = Assert.IsType<Dictionary<object, object>>(Assert.Single(Assert.IsType<List<object>>(At(service, "spec.ports"))));
        var containerPort = Assert.IsType<Dictionary<object, object>>(Assert.Single(Assert.IsType<List<object>>(At(Container(), "ports"))));
        Assert.Contains(servicePort["targetPort"], new[] { containerPort["containerPort"], containerPort["name"] });

        var autoscaler = Manifest("HorizontalPodAutoscaler");
        Assert.Equal("Deployment", At(autoscaler, "spec.scaleTargetRef.kind"));
        Assert.Equal(At(deployment, "metadata.name"), At(autoscaler, "spec.scaleTargetRef.name"));
        var minimum = int.Parse((string)At(autoscaler, "spec.minReplicas"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(minimum >= 2, $"the autoscaler may scale down to {minimum}");
        Assert.True(int.Parse((string)At(autoscaler, "spec.maxReplicas"), System.Globalization.CultureInfo.InvariantCulture) >= minimum);
    }
}
