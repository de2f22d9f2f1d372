using System.Text.RegularExpressions;
using Salam.Infrastructure.Persistence.Seeding;

namespace Salam.Testing;

/// <summary>Signs in through the real forms, as a person would.</summary>
public static partial class SignInFlows
{
    public static Task<HttpResponseMessage> SignInStaffAsync(this HttpClient client, string userName, string password = DemoDataSeeder.DemoPassword) =>
        client.SubmitAsync("/signin", "staff", new Dictionary<string, string> { ["Staff.UserName"] = userName, ["Staff.Password"] = password });

    public static Task<HttpResponseMessage> RequestCodeAsync(this HttpClient client, string mobile) =>
        client.SubmitAsync("/signin", "resident", new Dictionary<string, string> { ["Resident.Mobile"] = mobile });

    public static Task<HttpResponseMessage> EnterCodeAsync(this HttpClient client, string mobile, string code) =>
        client.SubmitAsync($"/signin/code?mobile={mobile}", "code", new Dictionary<string, string> { ["Form.Code"] = code });

    /// <summary>Asks for a code, reads it from the development SMS outbox, and enters it.</summary>
    public static async Task<HttpResponseMessage> SignInResidentAsync(this HttpClient client, SalamWebFactory factory, string mobile)
    {
        await client.RequestCodeAsync(mobile);
        return await client.EnterCodeAsync(mobile, LastCode(factory, mobile));
    }

    public static string LastCode(SalamWebFactory factory, string mobile) =>
        SixDigits().Match(factory.Sms.LastTextTo(mobile) ?? throw new InvalidOperationException($"No SMS to {mobile}")).Value;

    [GeneratedRegex("[0-9]{6}")]
    private static partial Regex SixDigits();
}
