using Salam.Count.Files;
using Salam.Domain.Common;
using Salam.Domain.Rounds.Counting;

namespace Salam.Count;

/// <summary>
/// tools/Salam.Count: reads a PrefLib or Pabulib file and counts it with the app's own counting code. The result is the last
/// line of the output (<c>order: …</c> or <c>selected: … cost=…</c>), exit code 0; anything it cannot count goes to the error
/// writer with exit code 2 (a malformed file with its line number).
/// </summary>
public static class CountCommand
{
    public const int Counted = 0;
    public const int Refused = 2;

    public const string Usage =
        "usage: dotnet run -c Release --project tools/Salam.Count -- --method <borda|schulze|equal-shares> --input <file> [--ranks K] [--budget N]";

    /// <summary>The methods by their command-line names.</summary>
    public static readonly IReadOnlyDictionary<string, Func<ICountingMethod>> Methods = new Dictionary<string, Func<ICountingMethod>>(StringComparer.Ordinal)
    {
        ["borda"] = () => new BordaCount(),
        ["schulze"] = () => new SchulzeCount(),
        ["equal-shares"] = () => new EqualSharesCount(),
    };

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        CountOptions options;
        try
        {
            options = CountOptions.Parse(args);
        }
        catch (UsageException refusal)
        {
            error.WriteLine($"Salam.Count: {refusal.Message}");
            error.WriteLine(Usage);
            return Refused;
        }

        try
        {
            var file = Read(options.Input);
            foreach (var line in FileCount.Lines(options, file)) output.WriteLine(line);
            return Counted;
        }
        catch (BallotFileException malformed)
        {
            error.WriteLine($"Salam.Count: {options.Input}, line {malformed.Line}: {malformed.Reason}");
        }
        catch (UsageException refusal)
        {
            error.WriteLine($"Salam.Count: {options.Input}: {refusal.Message}");
        }
        catch (DomainException refusal)
        {
            error.WriteLine($"Salam.Count: {options.Input}: the count refused the input ({refusal.Code} {string.Join(' ', refusal.Args)})");
        }
        catch (Exception unreadable) when (unreadable is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"Salam.Count: cannot read {options.Input}: {unreadable.Message}");
        }
        return Refused;
    }

    private static ElectionFile Read(string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension == PabulibFile.Extension) return PabulibFile.Read(File.ReadAllBytes(path));
        if (PrefLibFile.Extensions.Contains(extension)) return PrefLibFile.Read(File.ReadAllBytes(path), path);
        throw new UsageException($"unknown file type '{extension}': PrefLib .soi/.toi/.soc/.toc or Pabulib .pb");
    }
}
