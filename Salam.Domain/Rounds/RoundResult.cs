namespace Salam.Domain.Rounds;

/// <summary>
/// A need's place in a closed round: its score, how many ranked it first, and its position (1 = top priority).
/// The score is the method's own figure: Borda points, Schulze's count of needs beaten, equal shares' supporters.
/// </summary>
public sealed class RoundResult
{
    private RoundResult() { }

    public RoundResult(int needId, int score, int firstPlaces, int position, bool? funded = null)
    {
        Funded = funded;
        NeedId = needId;
        Score = score;
        FirstPlaces = firstPlaces;
        Position = position;
    }

    public int RoundId { get; private set; }
    public int NeedId { get; private set; }
    public int Score { get; private set; }
    public int FirstPlaces { get; private set; }
    public int Position { get; private set; }

    /// <summary>Equal shares only: whether the budget funds this need; null for the ranked methods.</summary>
    public bool? Funded { get; private set; }
}
