using Salam.Domain.Audit;
using Salam.Domain.Common;

namespace Salam.Domain.Stories;

/// <summary>What a story is about: a delivered duty, a volunteer's work, or a centre's initiative.</summary>
public enum StorySubject { DeliveredDuty = 0, VolunteerWork = 1, CentreInitiative = 2 }

/// <summary>
/// Draft → Submitted → Approved (published), or Submitted → Returned (with a reason) → Submitted again. Only Draft and Returned
/// stories can be edited.
/// </summary>
public enum StoryStatus { Draft = 0, Submitted = 1, Returned = 2, Approved = 3 }

/// <summary>
/// A success story (نمونه موفق / روایت): written by a facilitator about their neighbourhood, approved by the provincial officer,
/// featured nationally by ministry staff. Text is Markdown, only ever shown sanitised. Approved stories are public.
/// </summary>
public sealed class SuccessStory : Entity, IAudited
{
    public const int MaxTitleLength = 150;
    public const int MaxTextLength = 8000;
    public const int MaxReasonLength = 500;
    public const int MaxPhotos = 4;

    private SuccessStory() { }

    public SuccessStory(int neighbourhoodId, int provinceId, StorySubject subject, string title, string text, int? dutyId, int? meetingDecisionId,
        int authorUserId, DateTimeOffset at)
    {
        NeighbourhoodId = neighbourhoodId;
        ProvinceId = provinceId;
        AuthorUserId = authorUserId;
        CreatedAt = at;
        Status = StoryStatus.Draft;
        Edit(subject, title, text, dutyId, meetingDecisionId, at);
    }

    public int NeighbourhoodId { get; private set; }

    /// <summary>The neighbourhood's province, kept so approval lists and scope read one column.</summary>
    public int ProvinceId { get; private set; }
    public StorySubject Subject { get; private set; }
    public string Title { get; private set; } = "";

    /// <summary>Markdown; raw HTML is never rendered (MinutesMarkdown's two walls).</summary>
    public string Text { get; private set; } = "";
    public int? DutyId { get; private set; }
    public int? MeetingDecisionId { get; private set; }
    public StoryStatus Status { get; private set; }
    public string? ReturnReason { get; private set; }
    public bool Featured { get; private set; }
    public int AuthorUserId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public DateTimeOffset? ApprovedAt { get; private set; }
    public int? ApprovedByUserId { get; private set; }
    public DateTimeOffset? FeaturedAt { get; private set; }

    /// <summary>Optimistic concurrency token, renewed on every change.</summary>
    public Guid Version { get; private set; }

    public List<StoryPhoto> Photos { get; private set; } = [];

    public bool IsEditable => Status is StoryStatus.Draft or StoryStatus.Returned;

    /// <summary>Rewrites a draft or returned story.</summary>
    public void Edit(StorySubject subject, string title, string text, int? dutyId, int? meetingDecisionId, DateTimeOffset at) =>
        throw new NotImplementedException("issue 16: stories helper");

    /// <summary>Adds a photo already resized and stripped of its metadata; at most <see cref="MaxPhotos"/>.</summary>
    public StoryPhoto AddPhoto(byte[] jpeg, int width, int height, string altText, DateTimeOffset at) =>
        throw new NotImplementedException("issue 16: stories helper");

    public void RemovePhoto(int photoId, DateTimeOffset at) => throw new NotImplementedException("issue 16: stories helper");

    public void Submit(DateTimeOffset at) => throw new NotImplementedException("issue 16: stories helper");

    /// <summary>Publishes the story; refused while the duty it tells of is Disputed.</summary>
    public void Approve(bool dutyDisputed, int byUserId, DateTimeOffset at) => throw new NotImplementedException("issue 16: stories helper");

    public void Return(string reason, int byUserId, DateTimeOffset at) => throw new NotImplementedException("issue 16: stories helper");

    /// <summary>Ministry staff feature (or stop featuring) an approved story nationally.</summary>
    public void Feature(bool featured, DateTimeOffset at) => throw new NotImplementedException("issue 16: stories helper");
}
