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
    public void Edit(StorySubject subject, string title, string text, int? dutyId, int? meetingDecisionId, DateTimeOffset at)
    {
        RequireEditable();
        if (!Enum.IsDefined(subject)) throw new DomainException("Story.SubjectInvalid");
        if (string.IsNullOrWhiteSpace(title)) throw new DomainException("Story.TitleRequired");
        if (title.Trim().Length > MaxTitleLength) throw new DomainException("Story.TitleTooLong", MaxTitleLength);
        if (string.IsNullOrWhiteSpace(text)) throw new DomainException("Story.TextRequired");
        if (text.Trim().Length > MaxTextLength) throw new DomainException("Story.TextTooLong", MaxTextLength);
        Subject = subject;
        Title = title.Trim();
        Text = text.Trim();
        DutyId = dutyId;
        MeetingDecisionId = meetingDecisionId;
        Changed(at);
    }

    /// <summary>Refuses a photo before its upload is decoded: the story must be editable and have room for it.</summary>
    public void EnsureRoomForPhoto()
    {
        RequireEditable();
        if (Photos.Count >= MaxPhotos) throw new DomainException("Story.TooManyPhotos", MaxPhotos);
    }

    /// <summary>Adds a photo already resized and stripped of its metadata; at most <see cref="MaxPhotos"/>.</summary>
    public StoryPhoto AddPhoto(byte[] jpeg, int width, int height, string altText, DateTimeOffset at)
    {
        EnsureRoomForPhoto();
        if (jpeg.Length == 0 || width is < 1 or > StoryPhoto.MaxEdgePixels || height is < 1 or > StoryPhoto.MaxEdgePixels)
            throw new DomainException("Story.PhotoNotImage");
        if (string.IsNullOrWhiteSpace(altText)) throw new DomainException("Story.AltTextRequired");
        if (altText.Trim().Length > StoryPhoto.MaxAltTextLength) throw new DomainException("Story.AltTextTooLong", StoryPhoto.MaxAltTextLength);
        // Positions only grow: a removed photo's place is not reused, so the unique (story, position) never collides.
        var photo = new StoryPhoto(Photos.Count == 0 ? 1 : Photos.Max(p => p.Position) + 1, jpeg, width, height, altText.Trim(), at);
        Photos.Add(photo);
        Changed(at);
        return photo;
    }

    public void RemovePhoto(int photoId, DateTimeOffset at)
    {
        RequireEditable();
        var photo = Photos.SingleOrDefault(p => p.Id == photoId) ?? throw new DomainException("Story.PhotoNotFound");
        Photos.Remove(photo);
        Changed(at);
    }

    public void Submit(DateTimeOffset at)
    {
        RequireEditable();
        Status = StoryStatus.Submitted;
        SubmittedAt = at;
        Changed(at);
    }

    /// <summary>Publishes the story; refused while the duty it tells of is Disputed.</summary>
    public void Approve(bool dutyDisputed, int byUserId, DateTimeOffset at)
    {
        RequireSubmitted();
        if (dutyDisputed) throw new DomainException("Story.DutyDisputed");
        Status = StoryStatus.Approved;
        ApprovedAt = at;
        ApprovedByUserId = byUserId;
        ReturnReason = null;
        Changed(at);
    }

    public void Return(string reason, int byUserId, DateTimeOffset at)
    {
        RequireSubmitted();
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("Story.ReasonRequired");
        if (reason.Trim().Length > MaxReasonLength) throw new DomainException("Story.ReasonTooLong", MaxReasonLength);
        Status = StoryStatus.Returned;
        ReturnReason = reason.Trim();
        Changed(at);
    }

    /// <summary>Ministry staff feature (or stop featuring) an approved story nationally.</summary>
    public void Feature(bool featured, DateTimeOffset at)
    {
        if (Status != StoryStatus.Approved) throw new DomainException("Story.NotApproved");
        if (Featured == featured) return;
        Featured = featured;
        FeaturedAt = featured ? at : null;
        Changed(at);
    }

    private void RequireEditable()
    {
        if (!IsEditable) throw new DomainException("Story.NotEditable");
    }

    private void RequireSubmitted()
    {
        if (Status != StoryStatus.Submitted) throw new DomainException("Story.NotSubmitted");
    }

    private void Changed(DateTimeOffset at)
    {
        UpdatedAt = at;
        Version = Guid.NewGuid();
    }
}
