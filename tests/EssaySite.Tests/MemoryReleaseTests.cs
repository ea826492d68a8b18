using System.Runtime.InteropServices;
using EssaySite.Edition;

namespace EssaySite.Tests;

/// <summary>The server's release of memory after an edition reaches the C library where there is one to reach.</summary>
public sealed class MemoryReleaseTests
{
    [Fact]
    public void OnLinuxWithGlibc_TheCLibrarysHeapsAreTrimmed()
    {
        // glibc has malloc_trim; musl (linux-musl-*) and other systems do not, and are left alone without an error.
        var glibc = OperatingSystem.IsLinux() && !RuntimeInformation.RuntimeIdentifier.Contains("musl", StringComparison.Ordinal);
        Assert.Equal(glibc, MemoryRelease.AfterBurst());
    }
}
