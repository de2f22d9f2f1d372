namespace Salam.Count.Files;

/// <summary>What a PrefLib or Pabulib file holds, with the file's own ids: alternatives (projects) and one ballot per voter.</summary>
/// <param name="Alternatives">In natural ascending id order (<see cref="NaturalOrder"/>).</param>
/// <param name="Budget">Pabulib's META budget; null for PrefLib.</param>
/// <param name="Ranked">Whether the ballots are rankings (PrefLib, Pabulib ordinal) rather than approval sets.</param>
/// <param name="MaxLength">Pabulib's META max_length when given: how many projects a voter could rank.</param>
public sealed record ElectionFile(IReadOnlyList<FileAlternative> Alternatives, IReadOnlyList<FileBallot> Ballots, long? Budget,
    bool Ranked, int? MaxLength = null);

/// <param name="Cost">Pabulib's project cost; null for PrefLib.</param>
public sealed record FileAlternative(string Id, string Name, long? Cost = null);

/// <summary>One voter: groups best first, alternatives in a group tied (a .toi brace); an approval vote is one group.</summary>
public sealed record FileBallot(IReadOnlyList<IReadOnlyList<string>> Groups)
{
    public IEnumerable<string> Named => Groups.SelectMany(g => g);
}

/// <summary>A file that does not follow its format; <see cref="Line"/> is 1-based.</summary>
public sealed class BallotFileException(int line, string reason) : Exception($"line {line}: {reason}")
{
    public int Line { get; } = line;
    public string Reason { get; } = reason;
}
