using Salam.Domain.Common;
using Salam.Domain.Stories;

namespace Salam.Domain.Tests.Stories;

public sealed class SuccessStoryRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xD9];

    private static SuccessStory Draft() => new(5, 1, StorySubject.DeliveredDuty, " روشنایی کوچه‌ها ", " **چراغ‌ها** روشن شد ", 40, null, 7, Now);

    private static SuccessStory Submitted()
    {
        var story = Draft();
        story.Submit(Now.AddHours(1));
        return story;
    }

    private static void Refused(string code, Action act) => Assert.Equal(code, Assert.Throws<DomainException>(act).Code);

    [Fact]
    public void A_new_story_is_a_trimmed_editable_draft_with_a_version()
    {
        var story = Draft();
        Assert.Equal((StoryStatus.Draft, "روشنایی کوچه‌ها", "**چراغ‌ها** روشن شد", true, (int?)40), (story.Status, story.Title, story.Text, story.IsEditable, story.DutyId));
        Assert.NotEqual(Guid.Empty, story.Version);
        Assert.Equal(Now, story.UpdatedAt);
    }

    [Fact]
    public void Draft_to_submitted_to_returned_to_submitted_to_approved_to_featured()
    {
        var story = Draft();
        var versions = new HashSet<Guid> { story.Version };
        story.Submit(Now.AddHours(1));
        Assert.True(versions.Add(story.Version));
        Assert.False(story.IsEditable);
        story.Return(" عکس‌ها را اضافه کنید ", 9, Now.AddHours(2));
        Assert.Equal((StoryStatus.Returned, "عکس‌ها را اضافه کنید", true), (story.Status, story.ReturnReason, story.IsEditable));
        story.Edit(StorySubject.VolunteerWork, "عنوان تازه", "متن تازه", null, 12, Now.AddHours(3));
        story.Submit(Now.AddHours(4));
        story.Approve(dutyDisputed: false, 9, Now.AddHours(5));
        Assert.Equal((StoryStatus.Approved, (DateTimeOffset?)Now.AddHours(5), (int?)9, (string?)null), (story.Status, story.ApprovedAt, story.ApprovedByUserId, story.ReturnReason));
        story.Feature(true, Now.AddHours(6));
        Assert.Equal((true, (DateTimeOffset?)Now.AddHours(6)), (story.Featured, story.FeaturedAt));
        story.Feature(false, Now.AddHours(7));
        Assert.Equal((false, (DateTimeOffset?)null), (story.Featured, story.FeaturedAt));
        Assert.True(versions.Add(story.Version));
    }

    [Fact]
    public void A_story_about_a_disputed_duty_is_not_approved()
    {
        var story = Submitted();
        Refused("Story.DutyDisputed", () => story.Approve(dutyDisputed: true, 9, Now));
        Assert.Equal(StoryStatus.Submitted, story.Status);
    }

    [Fact]
    public void Only_a_submitted_story_is_reviewed_and_only_an_approved_one_featured()
    {
        Refused("Story.NotSubmitted", () => Draft().Approve(false, 9, Now));
        Refused("Story.NotSubmitted", () => Draft().Return("دلیل", 9, Now));
        Refused("Story.NotApproved", () => Submitted().Feature(true, Now));
        var approved = Submitted();
        approved.Approve(false, 9, Now);
        Refused("Story.NotSubmitted", () => approved.Approve(false, 9, Now));
        Refused("Story.NotSubmitted", () => approved.Return("دلیل", 9, Now));
    }

    [Fact]
    public void A_submitted_or_published_story_is_not_edited_nor_its_photos_changed()
    {
        var submitted = Submitted();
        Refused("Story.NotEditable", () => submitted.Edit(StorySubject.CentreInitiative, "ع", "م", null, null, Now));
        Refused("Story.NotEditable", () => submitted.AddPhoto(Jpeg, 10, 10, "عکس", Now));
        Refused("Story.NotEditable", () => submitted.RemovePhoto(1, Now));
        Refused("Story.NotEditable", () => submitted.Submit(Now));
    }

    [Fact]
    public void A_story_holds_at_most_four_photos_each_with_alt_text_and_positions_that_only_grow()
    {
        var story = Draft();
        for (var i = 0; i < SuccessStory.MaxPhotos; i++) story.AddPhoto(Jpeg, 1600, 900, $" عکس {i} ", Now);
        Assert.Equal([1, 2, 3, 4], story.Photos.Select(p => p.Position));
        Assert.Equal("عکس 0", story.Photos[0].AltText);
        Refused("Story.TooManyPhotos", () => story.AddPhoto(Jpeg, 10, 10, "پنجم", Now));
        Refused("Story.TooManyPhotos", story.EnsureRoomForPhoto);

        var other = Draft();
        Refused("Story.AltTextRequired", () => other.AddPhoto(Jpeg, 10, 10, " ", Now));
        Refused("Story.AltTextTooLong", () => other.AddPhoto(Jpeg, 10, 10, new string('ع', StoryPhoto.MaxAltTextLength + 1), Now));
        Refused("Story.PhotoNotImage", () => other.AddPhoto(Jpeg, StoryPhoto.MaxEdgePixels + 1, 10, "عکس", Now));
        Refused("Story.PhotoNotImage", () => other.AddPhoto([], 10, 10, "عکس", Now));
        Refused("Story.PhotoNotFound", () => other.RemovePhoto(99, Now));
        Assert.Empty(other.Photos);
    }

    [Fact]
    public void Title_text_subject_and_reason_are_checked()
    {
        Refused("Story.TitleRequired", () => new SuccessStory(5, 1, StorySubject.VolunteerWork, " ", "متن", null, null, 7, Now));
        Refused("Story.TitleTooLong", () => new SuccessStory(5, 1, StorySubject.VolunteerWork, new string('ع', SuccessStory.MaxTitleLength + 1), "متن", null, null, 7, Now));
        Refused("Story.TextRequired", () => new SuccessStory(5, 1, StorySubject.VolunteerWork, "عنوان", "", null, null, 7, Now));
        Refused("Story.TextTooLong", () => new SuccessStory(5, 1, StorySubject.VolunteerWork, "عنوان", new string('م', SuccessStory.MaxTextLength + 1), null, null, 7, Now));
        Refused("Story.SubjectInvalid", () => new SuccessStory(5, 1, (StorySubject)9, "عنوان", "متن", null, null, 7, Now));
        Refused("Story.ReasonRequired", () => Submitted().Return("  ", 9, Now));
        Refused("Story.ReasonTooLong", () => Submitted().Return(new string('د', SuccessStory.MaxReasonLength + 1), 9, Now));
    }

    [Fact]
    public void Html_in_a_story_is_kept_as_written_text_never_interpreted_here()
    {
        var story = new SuccessStory(5, 1, StorySubject.CentreInitiative, "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", null, null, 7, Now);
        Assert.Equal(("<script>alert(1)</script>", "<img src=x onerror=alert(1)>"), (story.Title, story.Text));
    }
}
