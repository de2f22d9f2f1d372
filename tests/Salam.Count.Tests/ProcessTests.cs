using System.Diagnostics;

namespace Salam.Count.Tests;

/// <summary>The built tool run as its own process, as a resident checking a round would run it.</summary>
public sealed class ProcessTests
{
    [Fact]
    public async Task The_built_tool_prints_the_order_last_and_exits_0()
    {
        var (code, output, _) = await Run("--method", "borda", "--input", CliRun.DataFile("schulze-45-voters.soi"));

        Assert.Equal(0, code);
        Assert.Equal("order: 5 > 1 > 2 > 3 > 4", output.TrimEnd().Split('\n')[^1].TrimEnd('\r'));
    }

    [Fact]
    public async Task The_built_tool_exits_2_on_a_malformed_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"salam-count-{Guid.NewGuid():N}.soi");
        await File.WriteAllTextAsync(path, "# DATA TYPE: soi\n# NUMBER ALTERNATIVES: 2\n1: 1,3\n");
        try
        {
            var (code, output, error) = await Run("--method", "borda", "--input", path);

            Assert.Equal(2, code);
            Assert.Equal("", output);
            Assert.Contains("line 3: alternative 3 is not between 1 and 2", error);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        // dotnet test sets DOTNET_HOST_PATH to the dotnet it runs on; the tool's dll and runtimeconfig are copied next to the tests.
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Salam.Count.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
