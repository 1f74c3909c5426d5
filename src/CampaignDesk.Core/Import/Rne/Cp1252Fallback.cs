using System.Text;

namespace CampaignDesk.Core.Import.Rne;

/// <summary>
/// Decodes bytes that are not valid UTF-8 as cp1252, so a UTF-8 file with a stray Windows-encoded accent beyond
/// the sniffed sample still reads "é", not "�".
/// </summary>
internal sealed class Cp1252Fallback : DecoderFallback
{
    private static readonly Encoding Windows1252 = RneEncodings.Windows1252;

    public override int MaxCharCount => 4;

    public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer();

    private sealed class Buffer : DecoderFallbackBuffer
    {
        private char[] _chars = [];
        private int _next;

        public override int Remaining => _chars.Length - _next;

        public override bool Fallback(byte[] bytesUnknown, int index)
        {
            _chars = Windows1252.GetChars(bytesUnknown);
            _next = 0;
            return _chars.Length > 0;
        }

        public override char GetNextChar() => _next < _chars.Length ? _chars[_next++] : '\0';

        public override bool MovePrevious()
        {
            if (_next == 0)
            {
                return false;
            }

            _next--;
            return true;
        }

        public override void Reset()
        {
            _chars = [];
            _next = 0;
        }
    }
}
