using Microsoft.AspNetCore.Components;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Localization;
using Salam.Application.Volunteers.Commands.ReviseVolunteerOffer;
using Salam.Application.Volunteers.Commands.SignUpAsVolunteer;
using Salam.Application.Volunteers.Commands.WithdrawAsVolunteer;
using Salam.Application.Volunteers.Queries;
using Salam.Domain.Common;
using Salam.Domain.People;
using Salam.Web.Common;

namespace Salam.Web.Components.Pages.Residents;

/// <summary>A resident's volunteer sign-up: a plain server-rendered form (no circuit), their status and their placements.</summary>
public partial class VolunteerPage
{
    [Inject] private RequestSender Sender { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [CascadingParameter] private HttpContext HttpContext { get; set; } = default!;
    [SupplyParameterFromForm(FormName = "volunteer")] private OfferForm? Form { get; set; }
    [SupplyParameterFromForm(FormName = "withdraw")] private WithdrawForm? Withdrawal { get; set; }
    [SupplyParameterFromQuery] private bool Saved { get; set; }

    private MyVolunteering? _mine;
    private VolunteerSkill _skills;
    private Weekdays _days;
    private List<string> _errors = [];

    private bool IsEditing => _mine?.Offer is { Withdrawn: false };

    public sealed class OfferForm
    {
        public string Hours { get; set; } = "";
        public string? Note { get; set; }
    }

    public sealed class WithdrawForm;

    protected override async Task OnInitializedAsync()
    {
        Withdrawal ??= new();
        try { _mine = await Sender.Send(new GetMyVolunteering()); }
        catch (RequestRefusedException refused) { _errors = [refused.Message]; }
        if (Form is null)
        {
            var offer = _mine?.Offer;
            Form = new OfferForm { Hours = offer is null ? "" : Format.Digits(offer.HoursPerWeek.ToString(System.Globalization.CultureInfo.InvariantCulture)), Note = offer?.Note };
            (_skills, _days) = (offer?.Skills ?? VolunteerSkill.None, offer?.Days ?? Weekdays.None);
        }
    }

    private async Task SaveAsync()
    {
        // Checkbox values come straight from the post: a name outside the fixed list is refused here, before anything is sent.
        var skillsKnown = TryRead(HttpContext.Request.Form["skills"], VolunteerFlags.Skills, out _skills);
        TryRead(HttpContext.Request.Form["days"], VolunteerFlags.Days, out _days);
        if (!skillsKnown)
        {
            Refuse([Text.Get("Volunteer.SkillUnknown")]);
            return;
        }
        var hours = int.TryParse(Digits.ToLatin(Form!.Hours).Trim(), out var parsed) ? parsed : 0;
        try
        {
            if (IsEditing) await Sender.Send(new ReviseVolunteerOffer(_skills, hours, _days, Form.Note));
            else await Sender.Send(new SignUpAsVolunteer(_skills, hours, _days, Form.Note));
            Navigation.NavigateTo("/resident/volunteer?saved=true");
        }
        catch (RequestRefusedException refused) { Refuse([.. refused.Errors.SelectMany(e => e.Value)]); }
    }

    private async Task WithdrawAsync()
    {
        try
        {
            await Sender.Send(new WithdrawAsVolunteer());
            Navigation.NavigateTo("/resident/volunteer");
        }
        catch (RequestRefusedException refused) { Refuse([refused.Message]); }
    }

    private void Refuse(List<string> errors)
    {
        _errors = errors;
        HttpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
    }

    private static bool TryRead<T>(IEnumerable<string?> names, T[] known, out T flags) where T : struct, Enum
    {
        var value = 0;
        var allKnown = true;
        foreach (var name in names)
        {
            var match = known.FirstOrDefault(k => string.Equals(k.ToString(), name, StringComparison.Ordinal));
            if (Convert.ToInt32(match, System.Globalization.CultureInfo.InvariantCulture) == 0) allKnown = false;
            else value |= Convert.ToInt32(match, System.Globalization.CultureInfo.InvariantCulture);
        }
        flags = (T)Enum.ToObject(typeof(T), value);
        return allKnown;
    }
}
