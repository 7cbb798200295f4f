import { createTheme } from '@mantine/core'

// Read from a metre away: larger type, strong colours, big touch targets.
export const theme = createTheme({
  primaryColor: 'blue',
  fontFamily: 'system-ui, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", sans-serif',
  fontSizes: { xs: '0.85rem', sm: '0.95rem', md: '1.1rem', lg: '1.3rem', xl: '1.6rem' },
  defaultRadius: 'sm',
  components: {
    Button: { defaultProps: { size: 'md' } },
    TextInput: { defaultProps: { size: 'md' } }
  }
})
