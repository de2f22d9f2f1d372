namespace Salam.Domain.Rounds;

/// <summary>A need's place in a closed round: its score, how many ranked it first, and its position (1 = top priority).</summary>
public sealed class RoundResult
{
    private RoundResult() { }

    public RoundResult(int needId, int score, int firstPlaces, int position)
    {
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
}
