using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Time;
using Salam.Application.Meetings.Commands.AmendDecision;
using Salam.Application.Meetings.Commands.RecordDecision;
using Salam.Application.Meetings.Queries.GetMeeting;
using Salam.Application.Meetings.Queries.GetMeetingPlanChoices;
using Salam.Domain.Meetings;
using Salam.Domain.People;
using Salam.Web.Common;
using Salam.Web.Localization;

namespace Salam.Web.Components.Pages.Meetings;

/// <summary>Fills a <see cref="DecisionDraft"/> and sends it as a new decision, or as an amendment of <see cref="Amending"/> (prefilled from it).</summary>
public sealed partial class DecisionForm
{
    [Inject] private RequestSender Sender { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private IStringLocalizer<UiText> Text { get; set; } = default!;

    [Parameter, EditorRequired] public MeetingDetail Meeting { get; set; } = default!;
    [Parameter, EditorRequired] public MeetingPlanChoices Choices { get; set; } = default!;

    /// <summary>The published decision being corrected; null for a new decision.</summary>
    [Parameter] public DecisionRow? Amending { get; set; }
    [Parameter] public EventCallback Changed { get; set; }
    [Parameter] public EventCallback Cancel { get; set; }

    private DecisionKind _kind = DecisionKind.AgencyDuty;
    private string _title = "", _details = "";
    private int? _agencyId, _neighbourhoodId, _needId;
    private DateTime? _due;
    private VolunteerSkill _skills;
    private string? _refusal;
    private bool _saving;
    private IReversibleConverter<DateTime?, string?> _dayConverter = default!;

    private DateTime Today => Clock.Today().ToDateTime(TimeOnly.MinValue);

    protected override void OnInitialized()
    {
        _dayConverter = JalaliInput.DayConverter(Text["Meeting.DateInvalid"]);
        if (Amending is not { } old) return;
        // The rows name agencies and places, not their ids: match them back by name among the choices.
        _kind = old.Kind;
        (_title, _details) = (old.Title, old.Details);
        _agencyId = Choices.Agencies.FirstOrDefault(a => a.Name == old.Agency)?.Id;
        _neighbourhoodId = Choices.Neighbourhoods.FirstOrDefault(n => n.Name == old.Neighbourhood)?.Id;
        _due = old.DueDate is { } due && due.ToDateTime(TimeOnly.MinValue) >= Today ? due.ToDateTime(TimeOnly.MinValue) : null;
        (_needId, _skills) = (old.NeedId, old.Skills);
    }

    private void ToggleSkill(VolunteerSkill skill, ChangeEventArgs change) => _skills = change.Value is true ? _skills | skill : _skills & ~skill;

    private async Task SaveAsync()
    {
        _refusal = null;
        var neighbourhood = Meeting.Scope == MeetingScope.Neighbourhood ? Meeting.NeighbourhoodId
            : _kind == DecisionKind.VolunteerNeed ? null : _neighbourhoodId;
        var draft = new DecisionDraft(_kind, _title, _details, _kind == DecisionKind.AgencyDuty ? _agencyId : null, neighbourhood,
            _kind == DecisionKind.AgencyDuty && _due is { } due ? DateOnly.FromDateTime(due) : null,
            _kind == DecisionKind.VolunteerNeed ? _needId : null, _kind == DecisionKind.VolunteerNeed ? _skills : VolunteerSkill.None);
        _saving = true;
        try
        {
            if (Amending is { } old) await Sender.Send(new AmendDecision(Meeting.Id, old.Id, draft));
            else await Sender.Send(new RecordDecision(Meeting.Id, draft));
            Snackbar.Add(Text[Amending is null ? "Meeting.DecisionAdded" : "Meeting.DecisionAmended"], Severity.Success);
            (_title, _details, _due, _needId, _skills) = ("", "", null, null, VolunteerSkill.None);
            await Changed.InvokeAsync();
        }
        catch (RequestRefusedException refused) { _refusal = refused.Message; }
        finally { _saving = false; }
    }
}
