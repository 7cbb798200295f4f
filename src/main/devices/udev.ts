// The Linux udev rule shipped with the app (resources/udev): gives the logged-in
// user access to USB serial and HID scanners without root.
export const UDEV_RULE_FILE = 'resources/udev/60-packing-station-scanners.rules'
