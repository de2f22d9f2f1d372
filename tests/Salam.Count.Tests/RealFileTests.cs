namespace Salam.Count.Tests;

/// <summary>
/// The tool on files from outside (Data/SOURCES.md): a real PrefLib file from the NSW Electoral Commission and the hand-made
/// Pabulib-format sample. Expected lines were computed independently of this code (a short script over the same file).
/// </summary>
public sealed class RealFileTests
{
    [Fact]
    public void Borda_on_the_albury_2015_election()
    {
        // K = 5 over 46,347 ballots: JACKSON 155,386, WADE 97,387, MARRA 51,178, KING 46,574, APLIN 46,025.
        var run = CliRun.Of("--method", "borda", "--input", CliRun.DataFile("00058-00000001.soi"));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("46347 ballots, 5 alternatives, method borda, K = 5", run.Output[0]);
        Assert.Equal("order: 1 > 2 > 3 > 5 > 4", run.LastLine);
    }

    [Fact]
    public void Borda_with_two_ranks_on_the_albury_2015_election()
    {
        // K = 2: only first (2 points) and second (1 point) preferences count: 55,989, 32,758, 10,744, 6,981, 4,843.
        var run = CliRun.Of("--method", "borda", "--input", CliRun.DataFile("00058-00000001.soi"), "--ranks", "2");

        Assert.Equal("order: 1 > 2 > 3 > 5 > 4", run.LastLine);
        Assert.Contains("K = 2", run.Output[0]);
    }

    [Fact]
    public void The_pabulib_sample_reads_as_sixteen_voters_over_ten_projects()
    {
        var file = Files.PabulibFile.Read(File.ReadAllBytes(CliRun.DataFile("pardisan-sample.pb")));

        Assert.Equal(16, file.Ballots.Count);
        Assert.Equal(["c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9", "c10"], file.Alternatives.Select(a => a.Id));
        Assert.Equal("Clinic hours; evenings", file.Alternatives[2].Name);
        Assert.Equal("Sports hall roof, \"phase 1\"", file.Alternatives[5].Name);
        Assert.Equal(1000, file.Budget);
        Assert.Empty(file.Ballots[15].Groups);
    }
}
