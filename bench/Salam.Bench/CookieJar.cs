namespace Salam.Bench;

/// <summary>
/// One resident's cookies. The driver shares one connection pool among all residents (a handler per resident
/// would open a socket per resident), so it keeps cookies itself and sends the Cookie header explicitly.
/// Loopback, one host, one path: name=value is all that matters.
/// </summary>
public sealed class CookieJar
{
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);
    private string? _header;

    public CookieJar() { }

    public CookieJar(CookieJar other)
    {
        foreach (var (name, value) in other._cookies) _cookies[name] = value;
    }

    public string Header => _header ??= string.Join("; ", _cookies.Select(c => c.Key + "=" + c.Value));

    public bool Has(string namePrefix) => _cookies.Keys.Any(k => k.StartsWith(namePrefix, StringComparison.Ordinal));

    public void ApplyTo(HttpRequestMessage request)
    {
        if (_cookies.Count > 0) request.Headers.TryAddWithoutValidation("Cookie", Header);
    }

    public void Update(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var setCookies)) return;
        foreach (var setCookie in setCookies)
        {
            var semicolon = setCookie.IndexOf(';');
            var pair = semicolon < 0 ? setCookie : setCookie[..semicolon];
            var equals = pair.IndexOf('=');
            if (equals <= 0) continue;
            var name = pair[..equals].Trim();
            var value = pair[(equals + 1)..].Trim();
            var deleted = value.Length == 0
                || setCookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase)
                || setCookie.Contains("max-age=0", StringComparison.OrdinalIgnoreCase);
            if (deleted) _cookies.Remove(name);
            else _cookies[name] = value;
            _header = null;
        }
    }
}
