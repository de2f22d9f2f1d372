using Salam.Domain.Common;

namespace Salam.Domain.Needs;

/// <summary>The three standing programmes first, then the wider areas residents raise.</summary>
public enum NeedCategory
{
    CommunityRehabilitation = 0,
    YouthTalent = 1,
    ElderlyCare = 2,
    Health = 3,
    Education = 4,
    Livelihood = 5,
    EnvironmentAndUrban = 6,
    Safety = 7,
    SocialCohesion = 8,
}

public enum NeedStatus { Proposed = 0, Approved = 1, Rejected = 2, Merged = 3 }

/// <summary>Something a neighbourhood lacks. Proposed by a resident or facilitator, then moderated.</summary>
public sealed class Need : Entity
{
    public const int TitleMaxLength = 150;
    public const int DescriptionMaxLength = 2000;

    private Need() { }

    public Need(int neighbourhoodId, string title, string description, NeedCategory category, decimal? estimatedCost, int? proposedByResidentId, DateTimeOffset proposedAt)
    {
        if (string.IsNullOrWhiteSpace(title)) throw new DomainException("Need.TitleRequired");
        if (estimatedCost is < 0) throw new DomainException("Need.CostNegative");
        NeighbourhoodId = neighbourhoodId;
        Title = title.Trim();
        Description = description.Trim();
        Category = category;
        EstimatedCost = estimatedCost;
        ProposedByResidentId = proposedByResidentId;
        ProposedAt = proposedAt;
    }

    public int NeighbourhoodId { get; private set; }
    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";
    public NeedCategory Category { get; private set; }
    public decimal? EstimatedCost { get; private set; }
    public NeedStatus Status { get; private set; }
    public string? RejectionReason { get; private set; }
    public int? MergedIntoId { get; private set; }
    public int? ProposedByResidentId { get; private set; }
    public DateTimeOffset ProposedAt { get; private set; }
    public DateTimeOffset? ApprovedAt { get; private set; }

    public void Approve(DateTimeOffset at)
    {
        EnsureProposed();
        Status = NeedStatus.Approved;
        ApprovedAt = at;
    }

    public void Reject(string reason)
    {
        EnsureProposed();
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("Need.RejectionReasonRequired");
        Status = NeedStatus.Rejected;
        RejectionReason = reason.Trim();
    }

    /// <summary>A duplicate folds into a need of the same neighbourhood that is still alive.</summary>
    public void MergeInto(Need target)
    {
        EnsureProposed();
        if (target.Id == Id) throw new DomainException("Need.MergeIntoSelf");
        if (target.NeighbourhoodId != NeighbourhoodId) throw new DomainException("Need.MergeAcrossNeighbourhoods");
        if (target.Status is NeedStatus.Rejected or NeedStatus.Merged) throw new DomainException("Need.MergeTargetClosed");
        Status = NeedStatus.Merged;
        MergedIntoId = target.Id;
    }

    private void EnsureProposed()
    {
        if (Status != NeedStatus.Proposed) throw new DomainException("Need.AlreadyModerated");
    }
}
