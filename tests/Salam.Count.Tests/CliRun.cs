namespace Salam.Count.Tests;

/// <summary>Runs the tool in process, as <c>dotnet run --project tools/Salam.Count -- …</c> would, and keeps what it wrote.</summary>
internal sealed record CliRun(int ExitCode, string[] Output, string Error)
{
    public string LastLine => Output.Length == 0 ? "" : Output[^1];

    public static CliRun Of(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CountCommand.Run(args, output, error);
        return new CliRun(code, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray(), error.ToString());
    }

    /// <summary>Counts <paramref name="content"/> written to a temporary file named like <paramref name="fileName"/>.</summary>
    public static CliRun OfText(string fileName, string content, params string[] args) => OfBytes(fileName, System.Text.Encoding.UTF8.GetBytes(content), args);

    public static CliRun OfBytes(string fileName, byte[] content, params string[] args)
    {
        var folder = Directory.CreateTempSubdirectory("salam-count-");
        try
        {
            var path = Path.Combine(folder.FullName, fileName);
            File.WriteAllBytes(path, content);
            return Of([.. args, "--input", path]);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    public static string DataFile(string name) => Path.Combine(AppContext.BaseDirectory, "Data", name);
}
