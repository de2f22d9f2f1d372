using Salam.Domain.Audit;
using Salam.Domain.Common;
using Salam.Domain.Rounds.Counting;

namespace Salam.Domain.Rounds;

/// <summary>
/// What a round's close froze, so anyone can check the count later: the method and its parameters, how many ballots came
/// online and on paper, the SHA-256 of the canonical ballot file, the counting code's version, and the method's own details.
/// One per round; every save of it goes to the audit log.
/// </summary>
public sealed class RoundCount : Entity, IAudited
{
    public const int Sha256Length = 64;
    public const int CodeVersionMaxLength = 200;

    private RoundCount() { }

    public RoundCount(int roundId, CountingMethod method, int maxRanks, long? budget, int onlineBallots, int paperBallots, string sha256,
        string codeVersion, DateTimeOffset countedAt, string details)
    {
        if (sha256.Length != Sha256Length) throw new ArgumentException("A SHA-256 in hex has 64 characters.", nameof(sha256));
        RoundId = roundId;
        Method = method;
        MaxRanks = maxRanks;
        Budget = budget;
        OnlineBallots = onlineBallots;
        PaperBallots = paperBallots;
        Sha256 = sha256;
        CodeVersion = codeVersion.Length <= CodeVersionMaxLength ? codeVersion : codeVersion[..CodeVersionMaxLength];
        CountedAt = countedAt;
        Details = details;
    }

    public int RoundId { get; private set; }
    public CountingMethod Method { get; private set; }

    /// <summary>K, the ranks a ballot could hold.</summary>
    public int MaxRanks { get; private set; }
    public long? Budget { get; private set; }
    public int OnlineBallots { get; private set; }
    public int PaperBallots { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the ballot file written from the counted ballots.</summary>
    public string Sha256 { get; private set; } = "";

    /// <summary>The informational version of the counting code (Salam.Domain) that counted it.</summary>
    public string CodeVersion { get; private set; } = "";
    public DateTimeOffset CountedAt { get; private set; }

    /// <summary>The method's own order and its details (Schulze's matrices, equal shares' lines) as JSON.</summary>
    public string Details { get; private set; } = "";

    public int Ballots => OnlineBallots + PaperBallots;
}

/// <summary>An officer's recount of a closed round: whether recounting the stored ballots agreed with the count record, and if not, how.</summary>
public sealed class RoundRecount : Entity, IAudited
{
    private RoundRecount() { }

    public RoundRecount(int roundId, DateTimeOffset at, int? byUserId, string by, bool agrees, string recountedSha256, string differences)
    {
        RoundId = roundId;
        At = at;
        ByUserId = byUserId;
        By = by;
        Agrees = agrees;
        RecountedSha256 = recountedSha256;
        Differences = differences;
    }

    public int RoundId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public int? ByUserId { get; private set; }
    public string By { get; private set; } = "";
    public bool Agrees { get; private set; }
    public string RecountedSha256 { get; private set; } = "";

    /// <summary>The needs whose position, score or funding differed, as JSON; "[]" when it agreed.</summary>
    public string Differences { get; private set; } = "[]";
}
